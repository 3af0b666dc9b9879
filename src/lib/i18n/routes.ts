/**
 * The site's own routes (src/pages/[...locale]/) that exist in every locale, as their English
 * paths: sidebar links to them are rewritten to the reader's locale.
 */
export const localizedRoutes = ['/glossary/', '/teams/', '/in-force/', '/ownership/', '/metrics/', '/data/'];
