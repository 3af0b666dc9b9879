/**
 * npm run headers [-- --format nginx|cloudfront|json] [--dist DIR]
 *
 * Prints the HTTP headers a host must send with the built site — the Content-Security-Policy of
 * its pages (with the script hashes of this build) and the other security headers — in the form a
 * deploy configuration includes. Run it after every build: the hashes change with the scripts.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cacheControl, siteHeaders } from '../src/lib/hosting/headers.ts';

const usage = 'usage: npm run --silent headers -- [--format nginx|cloudfront|json] [--dist DIR]';
const formats = ['nginx', 'cloudfront', 'json'] as const;
type Format = (typeof formats)[number];

/** nginx `add_header` lines, sent with every status (`always`), for `include` in each location. */
export function nginxHeaders(headers: Record<string, string>): string {
	const lines = Object.entries(headers).map(([name, value]) => `add_header ${name} "${value.replaceAll('"', '\\"')}" always;`);
	return `# Written by \`npm run headers -- --format nginx\` from the build in dist/; regenerate after every build.\n${lines.join('\n')}\n`;
}

/**
 * A CloudFront response headers policy (`aws cloudfront create-response-headers-policy
 * --response-headers-policy-config file://…`): the policy and the other headers as custom headers
 * that override what the origin sends.
 */
export function cloudfrontPolicy(headers: Record<string, string>, name = 'opsbook-security-headers') {
	return {
		Name: name,
		Comment: 'opsbook: Content-Security-Policy of the current build and security headers',
		CustomHeadersConfig: {
			Quantity: Object.keys(headers).length,
			Items: Object.entries(headers).map(([Header, Value]) => ({ Header, Value, Override: true })),
		},
	};
}

if (import.meta.main) {
	let values;
	try {
		({ values } = parseArgs({ options: { format: { type: 'string', default: 'json' }, dist: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h' } } }));
	} catch (error) {
		console.error(`headers: ${(error as Error).message}\n${usage}`);
		process.exit(2);
	}
	if (values.help) {
		console.log(usage);
		process.exit(0);
	}
	const format = values.format as Format;
	if (!formats.includes(format)) {
		console.error(`headers: --format must be one of ${formats.join(', ')}, not "${values.format}"\n${usage}`);
		process.exit(2);
	}
	try {
		const headers = await siteHeaders(path.resolve(values.dist));
		if (format === 'nginx') process.stdout.write(nginxHeaders(headers));
		else if (format === 'cloudfront') console.log(JSON.stringify(cloudfrontPolicy(headers), null, 2));
		else console.log(JSON.stringify({ headers, cacheControl }, null, 2));
	} catch (error) {
		console.error(`headers: ${(error as Error).message}`);
		process.exit(1);
	}
}
