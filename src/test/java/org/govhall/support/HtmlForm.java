package org.govhall.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A form of a rendered page read the way a browser submits it: every named control that
 * is not disabled, checked boxes only, the selected option of a select (or its first),
 * and date and number inputs whose value a browser would not accept sent empty (HTML
 * value sanitization). Fields can then be changed before posting, but only fields the
 * page actually has, so that a test cannot post names the page never sends. The CSRF
 * field is left out; tests add their own token.
 */
public final class HtmlForm {

	private static final Pattern CONTROL = Pattern.compile("<(input|select|textarea)\\b([^>]*)>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*\"([^\"]*)\")?");

	private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

	private final String action;

	private final Set<String> names = new LinkedHashSet<>();

	private final Map<String, List<String>> values = new LinkedHashMap<>();

	private final Map<String, Map<String, String>> controls = new LinkedHashMap<>();

	private HtmlForm(String action) {
		this.action = action;
	}

	/**
	 * The form of {@code html} whose {@code action} attribute is exactly {@code action}.
	 */
	public static HtmlForm read(String html, String action) {
		int start = html.indexOf("action=\"" + action + "\"");
		if (start < 0) {
			throw new AssertionError("no form with action " + action + " on the page");
		}
		start = html.lastIndexOf("<form", start);
		int end = html.indexOf("</form>", start);
		String body = html.substring(start, end);
		HtmlForm form = new HtmlForm(action);
		Matcher m = CONTROL.matcher(body);
		int from = 0;
		while (m.find(from)) {
			String tag = m.group(1).toLowerCase();
			Map<String, String> attrs = attributes(m.group(2));
			from = m.end();
			String inner = "";
			if (!tag.equals("input")) {
				int close = body.indexOf("</" + tag + ">", m.end());
				inner = body.substring(m.end(), close);
				from = close;
			}
			String name = attrs.get("name");
			if (name == null || name.equals("_csrf")) {
				continue;
			}
			form.names.add(name);
			form.controls.putIfAbsent(name, attrs);
			if (attrs.containsKey("disabled")) {
				continue;
			}
			switch (tag) {
				case "input" -> form.input(name, attrs);
				case "select" -> form.select(name, attrs, inner);
				default -> form.add(name, unescape(inner));
			}
		}
		return form;
	}

	private void input(String name, Map<String, String> attrs) {
		String type = attrs.getOrDefault("type", "text").toLowerCase();
		String value = unescape(attrs.getOrDefault("value", ""));
		switch (type) {
			case "checkbox", "radio" -> {
				if (attrs.containsKey("checked")) {
					add(name, attrs.containsKey("value") ? value : "on");
				}
			}
			case "submit", "button", "reset", "image", "file" -> {
			}
			case "date" -> add(name, DATE.matcher(value).matches() ? value : "");
			case "number" -> add(name, NUMBER.matcher(value).matches() ? value : "");
			default -> add(name, value);
		}
	}

	private void select(String name, Map<String, String> attrs, String inner) {
		List<String> all = new ArrayList<>();
		List<String> selected = new ArrayList<>();
		Matcher o = OPTION.matcher(inner);
		while (o.find()) {
			Map<String, String> option = attributes(o.group(1));
			int textEnd = inner.indexOf("</option>", o.end());
			String value = option.containsKey("value") ? unescape(option.get("value"))
					: unescape(inner.substring(o.end(), textEnd)).strip();
			all.add(value);
			if (option.containsKey("selected")) {
				selected.add(value);
			}
		}
		if (attrs.containsKey("multiple")) {
			selected.forEach(v -> add(name, v));
		}
		else if (!selected.isEmpty()) {
			add(name, selected.get(selected.size() - 1));
		}
		else if (!all.isEmpty()) {
			add(name, all.get(0));
		}
	}

	private void add(String name, String value) {
		values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
	}

	/** Every control name of the form, also of unchecked boxes and disabled controls. */
	public Set<String> names() {
		return names;
	}

	/** The attributes of the first control of that name, as rendered. */
	public Map<String, String> control(String name) {
		requireName(name);
		return controls.get(name);
	}

	/**
	 * What the browser would send for that name: empty when nothing (an unchecked box, a
	 * disabled control).
	 */
	public List<String> values(String name) {
		return values.getOrDefault(name, List.of());
	}

	public String value(String name) {
		List<String> v = values(name);
		if (v.size() != 1) {
			throw new AssertionError(name + " has " + v + ", not a single value");
		}
		return v.get(0);
	}

	/**
	 * Sets a field the page has, as a user typing into it, choosing an option or ticking
	 * boxes would.
	 */
	public HtmlForm set(String name, String... newValues) {
		requireName(name);
		values.put(name, new ArrayList<>(List.of(newValues)));
		return this;
	}

	/**
	 * The names of the form that start with {@code prefix}, e.g. the fields of one
	 * repeated row.
	 */
	public List<String> namesStartingWith(String prefix) {
		return names.stream().filter(n -> n.startsWith(prefix)).toList();
	}

	public MultiValueMap<String, String> params() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		values.forEach((k, v) -> params.put(k, new ArrayList<>(v)));
		return params;
	}

	/** A POST of the form to its action, without CSRF token or user. */
	public MockHttpServletRequestBuilder post() {
		return postTo(action);
	}

	/** A POST of the form's fields to another address. */
	public MockHttpServletRequestBuilder postTo(String url) {
		return MockMvcRequestBuilders.post(url).params(params());
	}

	private void requireName(String name) {
		if (!names.contains(name)) {
			throw new AssertionError("the form " + action + " has no field " + name + "; it has " + names);
		}
	}

	private static Map<String, String> attributes(String text) {
		Map<String, String> attrs = new LinkedHashMap<>();
		Matcher a = ATTRIBUTE.matcher(text);
		while (a.find()) {
			String key = a.group(1).toLowerCase();
			attrs.putIfAbsent(key, a.group(2) == null ? "" : a.group(2));
		}
		return attrs;
	}

	static String unescape(String s) {
		return s.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&#x27;", "'")
			.replace("&amp;", "&");
	}

}
