/**
 * Fetches a file the build published under a content-hashed URL and checks its bytes against the
 * checksum the page carries, so that a truncated, stale or tampered copy is refused with a message
 * instead of being drawn. SubtleCrypto exists only in secure contexts (https, localhost): plain-http
 * intranet hosts still get the file, unverified.
 *
 * `what` names the file in messages ("snapshot"), `checksum` where its checksum came from.
 */
export async function fetchChecked(url: string, sha256: string, what: string, checksum = 'checksum'): Promise<ArrayBuffer> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${what} ${url}: HTTP ${response.status}`);
	const bytes = await response.arrayBuffer();
	if (!globalThis.crypto?.subtle) return bytes;
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
	if (hex !== sha256) throw new Error(`${what} ${url} does not match its ${checksum}`);
	return bytes;
}
