package org.govhall.documents;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's messages to the application's log instead of its own console
 * handler, with its chatty per-render INFO lines ("Prepare to fly") demoted to DEBUG.
 */
final class TypesetterLog implements XRLogger {

	@Override
	public void log(String where, Level level, String msg) {
		log(where, level, msg, null);
	}

	@Override
	public void log(String where, Level level, String msg, @Nullable Throwable th) {
		Logger log = LoggerFactory.getLogger(where);
		int value = level.intValue();
		if (value >= Level.SEVERE.intValue()) {
			log.error(msg, th);
		}
		else if (value >= Level.WARNING.intValue()) {
			log.warn(msg, th);
		}
		else if (value >= Level.INFO.intValue()) {
			log.debug(msg, th);
		}
		else {
			log.trace(msg, th);
		}
	}

	@Override
	public void setLevel(String logger, Level level) {
		// levels are the application's logging configuration
	}

	@Override
	public boolean isLogLevelEnabled(Diagnostic diagnostic) {
		int value = diagnostic.getLevel().intValue();
		return value >= Level.WARNING.intValue() || LoggerFactory.getLogger("com.openhtmltopdf").isDebugEnabled();
	}

}
