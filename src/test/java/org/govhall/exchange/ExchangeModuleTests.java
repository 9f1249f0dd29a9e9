package org.govhall.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.govhall.cases.CaseAction;
import org.govhall.cases.CaseEvent;
import org.govhall.catalog.ItemPublished;
import org.govhall.directory.Role;
import org.govhall.supervision.Facts;
import org.govhall.support.ModuleSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.amqp.rabbit.core.RabbitOperations.OperationsCallback;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange module alone, the broker replaced by a template that records what it is
 * given: the catalog's publication and a case's step leave as CloudEvents with a stable
 * id and no personal data; a message the broker did not confirm leaves its publication
 * incomplete, and its resubmission sends the same id again. The broker itself is in
 * {@code EventExternalizationTests}.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("h2")
@TestPropertySource(properties = { "govhall.events.rabbitmq.enabled=true", "govhall.events.resubmit-every=PT1H" })
@Import(ModuleSlice.class)
class ExchangeModuleTests {

	record Sent(String exchange, String routingKey, Message message) {
	}

	final List<Sent> sent = new CopyOnWriteArrayList<>();

	final RabbitOperations channel = mock(RabbitOperations.class);

	@MockitoBean
	RabbitTemplate rabbit;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	@BeforeEach
	void broker() {
		recordingChannel();
		given(rabbit.invoke(any())).willAnswer(call -> call.<OperationsCallback<?>>getArgument(0).doInRabbit(channel));
	}

	/** A channel that keeps what is sent on it, and whose broker confirms everything. */
	void recordingChannel() {
		reset(channel);
		willAnswer(call -> sent.add(new Sent(call.getArgument(0), call.getArgument(1), call.getArgument(2))))
			.given(channel)
			.send(any(String.class), any(String.class), any(Message.class));
	}

	List<Sent> sentAbout(String subject) {
		return sent.stream().filter(s -> body(s).get("subject").asString().equals(subject)).toList();
	}

	JsonNode body(Sent s) {
		return json.readTree(new String(s.message().getBody(), StandardCharsets.UTF_8));
	}

	@Test
	void aPublishedItemLeavesAsACloudEventOnTheCatalogRoutingKey(Scenario scenario) {
		scenario.publish(new ItemPublished("660100-XK-09001", 3, "660100-SCJG", "660100"))
			.andWaitForStateChange(() -> sentAbout("660100-XK-09001"), found -> !found.isEmpty())
			.andVerify(found -> assertThat(found).singleElement().satisfies(s -> {
				assertThat(s.exchange()).isEqualTo("govhall.events");
				assertThat(s.routingKey()).isEqualTo("catalog.published");
				assertThat(s.message().getMessageProperties().getContentType())
					.isEqualTo(EventExternalizer.CONTENT_TYPE);
				JsonNode event = body(s);
				assertThat(event.get("specversion").asString()).isEqualTo("1.0");
				assertThat(event.get("type").asString()).isEqualTo("org.govhall.catalog.published");
				assertThat(event.get("id").asString()).isEqualTo(s.message().getMessageProperties().getMessageId());
				assertThat(event.get("data").get("versionNo").asInt()).isEqualTo(3);
				assertThat(event.get("data").get("departmentCode").asString()).isEqualTo("660100-SCJG");
			}));
	}

	@Test
	void aCaseStepLeavesWithoutPersonalData(Scenario scenario) {
		Facts accepted = new Facts("660100-2026-EX0001").accepted("2026-09-30", "2026-10-29")
			.step(CaseAction.ACCEPTED, "clerk", Role.WINDOW_CLERK, "2026-09-30");
		scenario.publish(new CaseEvent.Accepted(accepted.build(), false, null))
			.andWaitForStateChange(() -> sentAbout("660100-2026-EX0001"), found -> !found.isEmpty())
			.andVerify(found -> assertThat(found).singleElement().satisfies(s -> {
				assertThat(s.routingKey()).isEqualTo("case.accepted");
				String text = new String(s.message().getBody(), StandardCharsets.UTF_8);
				assertThat(body(s).get("data").get("decisionDue").asString()).isEqualTo("2026-10-29");
				assertThat(text).doesNotContain("ref-applicant-1").doesNotContain("clerk");
			}));
	}

	@Test
	void anUnconfirmedMessageStaysIncompleteAndIsSentAgainWithTheSameId(Scenario scenario) throws Exception {
		willThrow(new AmqpTimeoutException("no confirmation")).given(channel).waitForConfirmsOrDie(anyLong());
		scenario.publish(new ItemPublished("660100-XK-09002", 1, "660100-SCJG", "660100"))
			// the publication is registered before its listener sends: wait for both
			.andWaitForStateChange(() -> open("660100-XK-09002") == 1 && !sentAbout("660100-XK-09002").isEmpty(),
					sentAndOpen -> sentAndOpen)
			.andVerify(sentAndOpen -> {
				assertThat(open("660100-XK-09002")).isEqualTo(1);
				assertThat(sentAbout("660100-XK-09002")).hasSize(1);
			});

		recordingChannel();
		scenario.stimulate(() -> incomplete.resubmitIncompletePublications(p -> true))
			.andWaitForStateChange(() -> open("660100-XK-09002"), count -> count == 0)
			.andVerify(count -> {
				List<Sent> both = sentAbout("660100-XK-09002");
				assertThat(both).hasSize(2);
				assertThat(both.get(1).message().getMessageProperties().getMessageId())
					.isEqualTo(both.get(0).message().getMessageProperties().getMessageId());
			});
	}

	int open(String code) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM event_publication
				WHERE completion_date IS NULL AND serialized_event LIKE :code AND listener_id LIKE '%EventExternalizer%'
				""").param("code", "%" + code + "%").query(Integer.class).single();
	}

}
