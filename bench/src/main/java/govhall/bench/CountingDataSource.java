package govhall.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts what the application asks of the database: connections taken from the pool, statements executed (by SQL
 * text), commits and rollbacks. Used only by the SQL profile (InProcessBench in profile mode), never while
 * throughput is measured.
 */
final class CountingDataSource extends DelegatingDataSource {

	/** Kinds of counts: pool checkouts, statements, transactions (commits plus auto-commit statements), rollbacks. */
	static final int CONNECTIONS = 0, STATEMENTS = 1, TRANSACTIONS = 2, ROLLBACKS = 3;

	/**
	 * Counts by lane: [0] the calling thread (the benchmark's, or Tomcat's request thread), [1] the asynchronous
	 * listeners, which Spring Boot's application task executor runs on threads named task-N.
	 */
	private static final AtomicLong[][] counts = new AtomicLong[2][4];

	static {
		for (AtomicLong[] lane : counts) {
			for (int i = 0; i < lane.length; i++) {
				lane[i] = new AtomicLong();
			}
		}
	}

	static final Map<String, AtomicLong> bySql = new ConcurrentHashMap<>();

	CountingDataSource(DataSource target) {
		super(target);
	}

	/** {connections, statements, transactions, rollbacks} of the calling threads, then of the listeners. */
	static long[] snapshot() {
		long[] s = new long[8];
		for (int lane = 0; lane < 2; lane++) {
			for (int i = 0; i < 4; i++) {
				s[lane * 4 + i] = counts[lane][i].get();
			}
		}
		return s;
	}

	/** All statements so far, both lanes. */
	static long statements() {
		return counts[0][STATEMENTS].get() + counts[1][STATEMENTS].get();
	}

	private static void count(int kind) {
		counts[Thread.currentThread().getName().startsWith("task-") ? 1 : 0][kind].incrementAndGet();
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(super.getConnection(username, password));
	}

	private static Connection wrap(Connection target) throws SQLException {
		count(CONNECTIONS);
		return (Connection) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new ConnectionHandler(target, target.getAutoCommit()));
	}

	private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
		try {
			return m.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	static String normalize(String sql) {
		String s = sql.replaceAll("\\s+", " ").strip();
		return s.length() > 160 ? s.substring(0, 160) + "…" : s;
	}

	private static final class ConnectionHandler implements InvocationHandler {

		private final Connection target;

		private volatile boolean autoCommit;

		ConnectionHandler(Connection target, boolean autoCommit) {
			this.target = target;
			this.autoCommit = autoCommit;
		}

		@Override
		public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
			switch (m.getName()) {
				case "commit" -> count(TRANSACTIONS);
				case "rollback" -> {
					if (args == null || args.length == 0) {
						count(ROLLBACKS);
					}
				}
				case "setAutoCommit" -> autoCommit = (Boolean) args[0];
				case "unwrap" -> {
					if (args[0] == Connection.class) {
						return proxy;
					}
				}
				default -> {
				}
			}
			Object result = CountingDataSource.invoke(target, m, args);
			if (result instanceof CallableStatement cs) {
				return statement(cs, CallableStatement.class, (String) args[0]);
			}
			if (result instanceof PreparedStatement ps) {
				return statement(ps, PreparedStatement.class, (String) args[0]);
			}
			if (result instanceof Statement s && m.getName().equals("createStatement")) {
				return statement(s, Statement.class, null);
			}
			return result;
		}

		private Object statement(Statement s, Class<?> type, String sql) {
			return Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] { type },
					new StatementHandler(s, sql, this));
		}

	}

	private record StatementHandler(Statement target, String sql, ConnectionHandler connection)
			implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
			if (m.getName().startsWith("execute")) {
				count(STATEMENTS);
				if (connection.autoCommit) {
					count(TRANSACTIONS);
				}
				String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String q ? q : "?";
				bySql.computeIfAbsent(normalize(text), k -> new AtomicLong()).incrementAndGet();
			}
			return CountingDataSource.invoke(target, m, args);
		}

	}

}
