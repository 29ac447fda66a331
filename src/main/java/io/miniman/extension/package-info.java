/**
 * The public API for extensions: the only package of the console an extension may use (an ArchUnit rule
 * in the extension test kit enforces it). Everything here is kept source compatible within one
 * {@link io.miniman.extension.ExtensionApi#VERSION}; the rest of the console may change at any time.
 *
 * <p>What an extension gets: {@link io.miniman.extension.BoxOperations} to run work as an operation and
 * follow it, {@link io.miniman.extension.HostFigures} and {@link io.miniman.extension.BoxContainers} to
 * read the box, {@link io.miniman.extension.ExtensionUser} for the signed-in user and role names,
 * {@link io.miniman.extension.LiveChart} for a live line chart. Views use {@code @Route} (registered
 * under {@code /extensions/}), {@code @Menu} (listed in the side nav's Extensions section) and
 * {@code @RolesAllowed} (required: a view without it is refused). See docs/extending.md.
 */
package io.miniman.extension;
