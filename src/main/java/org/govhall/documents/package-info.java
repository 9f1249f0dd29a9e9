/**
 * Issued documents (文书): numbered PDF notices and decisions of a case, with Chinese text,
 * a letterhead and a QR code that anyone can follow to verify the document (文书核验) without
 * logging in.
 */
@ApplicationModule(allowedDependencies = { "storage", "shared" })
@NullMarked
package org.govhall.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
