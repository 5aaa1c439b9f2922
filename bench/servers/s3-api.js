'use strict';

const { expectStatus } = require('../lib/http-client');

/**
 * Path-style, unsigned S3/COS XML API calls, shared by ours and s3rver: both speak the same
 * ListBucketResult (v1, marker-based).
 */
function s3Api(client, bucket, { sse = {} } = {}) {
  const objectPath = (key) => `/${bucket}/${encodeKey(key)}`;

  return {
    bucket,
    async createBucket() {
      expectStatus(await client.request('PUT', `/${bucket}/`), [200], `create bucket ${bucket}`);
    },
    async put(key, body, { encrypted = false } = {}) {
      const headers = encrypted ? sse : {};
      const response = await client.request('PUT', objectPath(key), { body, headers });
      return expectStatus(response, [200], `PUT ${key}`).headers;
    },
    async get(key, { discard = false } = {}) {
      const response = await client.request('GET', objectPath(key), { discard });
      return expectStatus(response, [200], `GET ${key}`).bytes;
    },
    async listPage({ prefix = '', delimiter = '', marker = '', maxKeys = 1000 }) {
      const query = new URLSearchParams({ prefix, 'max-keys': String(maxKeys), marker });
      if (delimiter) query.set('delimiter', delimiter);
      const response = await client.request('GET', `/${bucket}/?${query}`);
      return parseListBucketResult(expectStatus(response, [200], 'list').body.toString('utf8'));
    },
  };
}

function encodeKey(key) {
  return key.split('/').map(encodeURIComponent).join('/');
}

function parseListBucketResult(xml) {
  const keys = [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((match) => match[1]);
  const prefixes = (xml.match(/<CommonPrefixes>/g) || []).length;
  const truncated = /<IsTruncated>true<\/IsTruncated>/.test(xml);
  const nextMarker = /<NextMarker>([^<]*)<\/NextMarker>/.exec(xml);
  // Without a delimiter S3 v1 may omit NextMarker; the last key is the documented marker then.
  const next = truncated ? (nextMarker ? nextMarker[1] : keys[keys.length - 1]) : null;
  return { keys: keys.length, prefixes, next };
}

module.exports = { s3Api };
