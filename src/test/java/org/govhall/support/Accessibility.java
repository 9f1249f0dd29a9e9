package org.govhall.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's npm package, bundled in {@code com.deque.html.axe-core:selenium}) run
 * in the page the browser shows, against WCAG 2.x A and AA and axe's best practices.
 * Serious and critical violations are returned to fail the test; moderate and minor ones
 * are printed to be read.
 */
public final class Accessibility {

	private static final Set<String> FAILING = Set.of("serious", "critical");

	private static final List<String> STANDARDS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
			"best-practice");

	private Accessibility() {
	}

	/**
	 * The standards, and every node only for the violations and what is left to review:
	 * the passing and inapplicable rules are reported with one node each (axe's
	 * {@code resultTypes}), which is all this class reads of them. New for each run: the
	 * builder keeps the options it is given.
	 */
	private static AxeRunOptions options() {
		AxeRunOnlyOptions runOnly = new AxeRunOnlyOptions();
		runOnly.setType("tag");
		runOnly.setValues(STANDARDS);
		AxeRunOptions options = new AxeRunOptions();
		options.setRunOnly(runOnly);
		options.setResultTypes(List.of("violations", "incomplete"));
		return options;
	}

	/**
	 * Runs axe on the current page; each serious or critical violation as one line naming
	 * the page and the nodes.
	 */
	public static List<String> seriousViolations(WebDriver driver, String page) {
		Results results = new AxeBuilder().withOptions(options()).analyze(driver);
		if (results.isErrored()) {
			throw new IllegalStateException("axe did not run on " + page + ": " + results.getErrorMessage());
		}
		if (results.getPasses().isEmpty()) {
			throw new IllegalStateException("axe checked nothing on " + page);
		}
		System.out.println("axe " + page + ": " + results.getPasses().size() + " rules pass, "
				+ results.getViolations().size() + " violated, to review: "
				+ results.getIncomplete()
					.stream()
					.map(r -> r.getId() + " at "
							+ r.getNodes().stream().map(Accessibility::describe).collect(Collectors.joining(" | ")))
					.toList());
		List<String> serious = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			String line = page + ": " + rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") at "
					+ rule.getNodes().stream().map(Accessibility::describe).collect(Collectors.joining(" | "));
			if (FAILING.contains(rule.getImpact())) {
				serious.add(line);
			}
			else {
				System.out.println("axe " + line);
			}
		}
		return serious;
	}

	private static String describe(CheckedNode node) {
		String summary = node.getFailureSummary() == null ? "" : " " + node.getFailureSummary().replace('\n', ' ');
		return node.getTarget() + summary;
	}

}
