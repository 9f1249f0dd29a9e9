package org.govhall.catalog;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Where and when the item is handled (办理地点, 办理时间; GB/T 39046 Table 4): the hall windows
 * that receive it, by their directory ids (the guide shows each window's hall with its
 * address and opening hours), and a note on place and time where the windows do not say
 * everything (e.g. 每周三下午另设夜间窗口).
 */
public record Handling(@Nullable @Size(max = 50) List<@NotNull Long> windowIds,
		@Nullable @Size(max = 500) String placeNoteZh, @Nullable @Size(max = 800) String placeNoteEn,
		@Nullable @Size(max = 300) String timeNoteZh, @Nullable @Size(max = 500) String timeNoteEn) {

	static final Handling NONE = new Handling(List.of(), null, null, null, null);

	public Handling {
		windowIds = windowIds == null ? List.of() : List.copyOf(windowIds);
	}

}
