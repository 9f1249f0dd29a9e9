package govhall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the whole machine and of single processes, from Linux's /proc (in clock ticks of 10 ms, USER_HZ = 100).
 * The machine's figure includes PostgreSQL, the load generator and anything else running at the same time.
 */
final class MachineCpu {

	static final double MS_PER_TICK = 10.0;

	private MachineCpu() {
	}

	/** {busy, total} ticks of all CPUs since boot; busy excludes idle and iowait. */
	static long[] read() {
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < Math.min(f.length, 9); i++) {
				total += Long.parseLong(f[i]);
			}
			long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	static double busyMillis(long[] before, long[] after) {
		return (after[0] - before[0]) * MS_PER_TICK;
	}

	/** Busy share of all CPUs between two readings, 0..1. */
	static double utilisation(long[] before, long[] after) {
		long total = after[1] - before[1];
		return total == 0 ? 0 : (double) (after[0] - before[0]) / total;
	}

	/** User plus system CPU time of a process, in nanoseconds, or -1 if it cannot be read. */
	static long processNanos(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			// the command name may contain spaces: fields are counted after its closing parenthesis
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
			long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
			return (long) (ticks * MS_PER_TICK * 1_000_000);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
