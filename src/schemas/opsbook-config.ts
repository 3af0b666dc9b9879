import { z } from 'astro/zod';

/**
 * `opsbook.config.yaml` at the project's root, optional: settings of the project as a whole that
 * belong to no single page or dataset.
 */
export const opsbookConfig = z
	.strictObject({
		/** Where the bytes of published snapshots live. */
		snapshots: z
			.strictObject({
				/**
				 * Base URL of an object store or CDN that holds every snapshot's Parquet bytes as
				 * `<sha256>.parquet`, for a history too large for git: the manifests stay in
				 * `data/snapshots/`, and the build fetches each file a page reads, checks it against its
				 * manifest's SHA-256 and serves it from the site's own origin. Unset: the bytes are in git.
				 */
				remote: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as "https://snapshots.example.com/opsbook"' }).optional(),
			})
			.prefault({}),
	})
	.prefault({});

export type OpsbookConfig = z.output<typeof opsbookConfig>;
