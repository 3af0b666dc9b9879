#!/usr/bin/env bash
# Publishes dist/ to an S3-compatible bucket served through a CDN (written for Amazon S3 and
# CloudFront with the AWS CLI; other S3-compatible stores take the same `aws s3` commands with
# --endpoint-url). Run after `npm run build` (with the OPSBOOK_AUDIENCE and OPSBOOK_BASE of the
# site), from the repository's root:
#
#   OPSBOOK_BUCKET=s3://handbook-vendors OPSBOOK_DISTRIBUTION=E123ABC bash deploy/s3/deploy.sh
#
# - Hashed files (_astro/) are uploaded first with a year of immutable caching, then everything
#   else with no-cache, so that no page ever points at an asset that is not there yet.
# - CloudFront compresses files up to 10 MB itself (turn on "Compress objects automatically");
#   files above that, such as DuckDB's 34 MB engine, are uploaded as their brotli variant with
#   Content-Encoding: br, which every browser that runs WebAssembly accepts.
# - The security headers, with the Content-Security-Policy of this build, become the
#   distribution's response headers policy (created on the first run, updated after).
# The bucket itself stays private: only the distribution reads it (origin access control).
set -euo pipefail
: "${OPSBOOK_BUCKET:?set OPSBOOK_BUCKET to the bucket, e.g. s3://handbook-vendors}"
dist=${OPSBOOK_DIST:-dist}
prefix=${OPSBOOK_BASE:-/}
prefix=${prefix#/}
[ -f "$dist/index.html" ] || { echo "deploy: no $dist/index.html; run npm run build first" >&2; exit 1; }
target="$OPSBOOK_BUCKET/$prefix"
immutable="public, max-age=31536000, immutable"
large=10000000

# Files CloudFront will not compress: their brotli bytes go up under the plain name.
mapfile -t big < <(find "$dist" -type f -size +${large}c ! -name '*.br' ! -name '*.gz' -printf '%P\n')
excludes=(--exclude '*.br' --exclude '*.gz')
for file in "${big[@]}"; do excludes+=(--exclude "$file"); done

for file in "${big[@]}"; do
	[ -f "$dist/$file.br" ] || { echo "deploy: $file is over 10 MB and has no .br beside it; rebuild with npm run build" >&2; exit 1; }
	cache="no-cache"; [[ $file == _astro/* ]] && cache=$immutable
	type=$(case "$file" in *.wasm) echo application/wasm ;; *.js) echo text/javascript ;; *) echo application/octet-stream ;; esac)
	aws s3 cp "$dist/$file.br" "$target$file" --content-encoding br --content-type "$type" --cache-control "$cache"
done
aws s3 sync "$dist/_astro" "${target}_astro" "${excludes[@]}" --cache-control "$immutable"
aws s3 sync "$dist" "$target" "${excludes[@]}" --exclude '_astro/*' --cache-control "no-cache" --delete

if [ -n "${OPSBOOK_DISTRIBUTION:-}" ]; then
	policy=$(mktemp)
	npm run --silent headers -- --format cloudfront --dist "$dist" > "$policy"
	id=$(aws cloudfront list-response-headers-policies --type custom \
		--query "ResponseHeadersPolicyList.Items[?ResponseHeadersPolicy.ResponseHeadersPolicyConfig.Name=='opsbook-security-headers'].ResponseHeadersPolicy.Id" --output text)
	if [ -z "$id" ] || [ "$id" = None ]; then
		id=$(aws cloudfront create-response-headers-policy --response-headers-policy-config "file://$policy" --query ResponseHeadersPolicy.Id --output text)
		echo "deploy: created response headers policy $id; attach it to the distribution's behaviours once"
	else
		etag=$(aws cloudfront get-response-headers-policy --id "$id" --query ETag --output text)
		aws cloudfront update-response-headers-policy --id "$id" --if-match "$etag" --response-headers-policy-config "file://$policy" >/dev/null
	fi
	aws cloudfront create-invalidation --distribution-id "$OPSBOOK_DISTRIBUTION" --paths "/${prefix}*" >/dev/null
	rm -f "$policy"
	echo "deploy: published $dist to $target, headers policy $id, invalidation sent"
else
	echo "deploy: published $dist to $target (set OPSBOOK_DISTRIBUTION to update the CDN's headers and cache)"
fi
