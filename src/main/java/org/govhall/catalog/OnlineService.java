package org.govhall.catalog;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** How deep the item is handled online (网办深度) and where (网办地址), GB/T 39046 Table 4. */
public record OnlineService(@Nullable OnlineDepth depth,
		@Nullable @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "{error.url.pattern}") String url) {

	static final OnlineService NONE = new OnlineService(null, null);

}
