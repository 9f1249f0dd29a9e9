package org.govhall.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.govhall.directory.GovHallUser;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.PageController;
import org.govhall.shared.RefusalShownOn;
import org.govhall.storage.StoredFile;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Downloads of material templates and samples, and their upload by drafters. */
@PageController
class MaterialFiles {

	private final Catalog catalog;

	private final MessageSource messages;

	MaterialFiles(Catalog catalog, MessageSource messages) {
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping("/items/{code}/files/{fileId}")
	ResponseEntity<byte[]> publicFile(@PathVariable String code, @PathVariable String fileId) {
		return download(catalog.publicMaterialFile(code, fileId)
			.orElseThrow(() -> new NotFoundException("error.file.notFound")));
	}

	@GetMapping("/staff/items/{code}/files/{fileId}")
	ResponseEntity<byte[]> draftFile(@PathVariable String code, @PathVariable String fileId,
			@AuthenticationPrincipal GovHallUser user) {
		return download(catalog.draftMaterialFile(code, fileId, user)
			.orElseThrow(() -> new NotFoundException("error.file.notFound")));
	}

	@RefusalShownOn("/staff/items/{code}")
	@PostMapping("/staff/items/{code}/materials/{index}/files")
	String upload(@PathVariable String code, @PathVariable int index, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "template") String kind, @AuthenticationPrincipal GovHallUser user,
			Locale locale, RedirectAttributes redirect) throws IOException {
		return attach(code, locale, redirect, () -> catalog.attachMaterialFile(code, index, !"sample".equals(kind),
				nameOf(file), file.getBytes(), user));
	}

	/**
	 * The result sample (结果样本) of the draft, uploaded by its drafters like a material's
	 * template.
	 */
	@RefusalShownOn("/staff/items/{code}")
	@PostMapping("/staff/items/{code}/result-sample")
	String uploadResultSample(@PathVariable String code, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) throws IOException {
		return attach(code, locale, redirect,
				() -> catalog.attachResultSample(code, nameOf(file), file.getBytes(), user));
	}

	/**
	 * Runs the upload; a refusal other than 403/404 is shown on the staff item page
	 * ({@link RefusalShownOn}).
	 */
	private String attach(String code, Locale locale, RedirectAttributes redirect, Upload upload) throws IOException {
		upload.run();
		redirect.addFlashAttribute("done", messages.getMessage("staff.saved", null, locale));
		return "redirect:/staff/items/" + code;
	}

	private static String nameOf(MultipartFile file) {
		return file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
	}

	@FunctionalInterface
	private interface Upload {

		void run() throws IOException;

	}

	private ResponseEntity<byte[]> download(StoredFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-SHA256", file.sha256())
			.body(catalog.read(file));
	}

}
