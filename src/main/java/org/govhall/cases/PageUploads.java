package org.govhall.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.govhall.cases.CasePageApplication.Kept;
import org.govhall.directory.GovHallUser;
import org.govhall.shared.GovHallException;
import org.govhall.shared.GovHallException.FieldViolation;
import org.govhall.storage.StoredFile;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files a case page's form hands in, for the application form
 * ({@link ApplicationPages}) and the corrections form ({@link CasePages}): read from the
 * form's file inputs, checked or stored one by one, each refused file named with its
 * material and the reason, and the files an earlier, refused attempt already uploaded
 * read back from the form.
 */
@Component
class PageUploads {

	/** The files read from one form field at most. */
	static final int MAX_FILES = 100;

	/**
	 * A file not taken because the uploader's quota for the day is used up (its
	 * arguments: material, file, quota).
	 */
	static final String OVER_QUOTA = "error.case.fileOverQuota";

	private static final Pattern FILE_ID = Pattern.compile("[0-9a-f-]{36}");

	private final CaseIntake receiving;

	private final CaseHandling handling;

	private final MessageSource messages;

	PageUploads(CaseIntake receiving, CaseHandling handling, MessageSource messages) {
		this.receiving = receiving;
		this.handling = handling;
		this.messages = messages;
	}

	/**
	 * Stores each file of a form field on its own: a file the store refuses (its type,
	 * size or emptiness, or the day's quota) is added to {@code refused}, named with its
	 * material and the reason, and the others are kept. 403 and 404 go through.
	 */
	List<Kept> stored(@Nullable List<MultipartFile> parts, String field, String material, GovHallUser user,
			List<FieldViolation> refused, Locale locale) {
		List<Kept> list = new ArrayList<>();
		for (CaseHandling.Upload u : read(parts)) {
			try {
				StoredFile f = receiving.upload(u.name(), u.content(), user);
				list.add(new Kept(f.id(), f.name()));
			}
			catch (GovHallException ex) {
				if (ex.status() == 403 || ex.status() == 404) {
					throw ex;
				}
				if ("upload-quota".equals(ex.type())) {
					refused.add(new FieldViolation(field, OVER_QUOTA, material, shortName(u.name()), ex.arguments()[0],
							ex.arguments()[1]));
					continue;
				}
				refused.add(new FieldViolation(field, "error.case.fileRefused", material, shortName(u.name()),
						reason(ex, locale)));
			}
		}
		return list;
	}

	/**
	 * Checks each file without storing it: the refused ones are added to {@code refused},
	 * named with their material and the reason.
	 */
	void check(List<CaseHandling.Upload> files, String field, String material, List<FieldViolation> refused,
			Locale locale) {
		for (CaseHandling.Upload u : files) {
			try {
				handling.checkUpload(u);
			}
			catch (GovHallException ex) {
				refused.add(new FieldViolation(field, "error.case.fileRefused", material, shortName(u.name()),
						reason(ex, locale)));
			}
		}
	}

	/** Stores every file, each refusal going through. */
	List<Kept> store(List<CaseHandling.Upload> files, GovHallUser user) {
		List<Kept> list = new ArrayList<>();
		for (CaseHandling.Upload u : files) {
			StoredFile f = receiving.upload(u.name(), u.content(), user);
			list.add(new Kept(f.id(), f.name()));
		}
		return list;
	}

	private String reason(GovHallException ex, Locale locale) {
		return messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
	}

	static String shortName(String name) {
		return name.length() > 100 ? name.substring(0, 100) + "…" : name;
	}

	/**
	 * The files of a form field, without the empty file inputs a browser sends, at most
	 * {@link #MAX_FILES}.
	 */
	static List<CaseHandling.Upload> read(@Nullable List<MultipartFile> parts) {
		List<CaseHandling.Upload> list = new ArrayList<>();
		if (parts == null) {
			return list;
		}
		for (MultipartFile part : parts) {
			if (part.isEmpty() && (part.getOriginalFilename() == null || part.getOriginalFilename().isBlank())) {
				continue;
			}
			if (list.size() >= MAX_FILES) {
				break;
			}
			String name = part.getOriginalFilename() == null || part.getOriginalFilename().isBlank() ? "file"
					: part.getOriginalFilename();
			try {
				list.add(new CaseHandling.Upload(name, part.getBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return list;
	}

	/**
	 * Files uploaded by an earlier, refused attempt; {@link CaseHandling} checks that
	 * they are the user's own.
	 */
	static List<Kept> kept(HttpServletRequest request, String name) {
		String[] ids = request.getParameterValues(name);
		String[] names = request.getParameterValues(name + "Name");
		List<Kept> list = new ArrayList<>();
		if (ids == null) {
			return list;
		}
		for (int i = 0; i < ids.length && i < MAX_FILES; i++) {
			if (FILE_ID.matcher(ids[i]).matches()) {
				String n = names != null && i < names.length && !names[i].isBlank() ? names[i] : ids[i];
				list.add(new Kept(ids[i], n.length() > 200 ? n.substring(0, 200) : n));
			}
		}
		return list;
	}

}
