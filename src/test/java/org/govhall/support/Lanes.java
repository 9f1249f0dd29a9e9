package org.govhall.support;

/**
 * The two lanes the slow groups run in at once in {@code mvn verify} (JUnit's parallel
 * execution, enabled for the execution {@code slow} only, two threads; ADR 0007): each
 * slow test class holds one lane as a {@code @ResourceLock}, so the classes of a lane run
 * one after another and a class of one lane runs beside one of the other.
 * <ul>
 * <li>{@link #IN_PROCESS}: the classes on the shared H2 application (the browser walks,
 * the access-control matrix), which set its one clock in turn;</li>
 * <li>{@link #SERVICES}: the classes on the local PostgreSQL, RabbitMQ and other JVMs
 * (the PostgreSQL twins, several nodes, crash, database faults, which restart PostgreSQL,
 * and the abuse suite), which share {@code govhall_test} and {@code govhall_nodes}.</li>
 * </ul>
 * A lane is about what the classes share, not about speed: a class that shares nothing
 * with the other lane's classes may go in either, and goes where it evens out the two
 * lanes' times (the slow groups end with the longer lane): the classes with an H2 context
 * of their own ({@code LoginThrottleTests}, {@code VerifiedIdentityTests}) and the module
 * documentation run in {@link #IN_PROCESS}.
 */
public final class Lanes {

	public static final String IN_PROCESS = "lane-in-process";

	public static final String SERVICES = "lane-services";

	private Lanes() {
	}

}
