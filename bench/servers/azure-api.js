'use strict';

const { expectStatus } = require('../lib/http-client');
const { ACCOUNT, accountSasQuery } = require('./azure-sas');

const VERSION_HEADERS = { 'x-ms-version': '2021-10-04' };

/** Azurite's blob REST API, path style (`/<account>/<container>/<blob>`), authorised by SAS. */
function azureApi(client, container) {
  const sas = accountSasQuery();
  const blobPath = (key) => `/${ACCOUNT}/${container}/${encodeKey(key)}?${sas}`;

  return {
    bucket: container,
    async createBucket() {
      const path = `/${ACCOUNT}/${container}?restype=container&${sas}`;
      const response = await client.request('PUT', path, { headers: VERSION_HEADERS });
      expectStatus(response, [201], `create container ${container}`);
    },
    async put(key, body) {
      const headers = { ...VERSION_HEADERS, 'x-ms-blob-type': 'BlockBlob' };
      const response = await client.request('PUT', blobPath(key), { body, headers });
      return expectStatus(response, [201], `PUT ${key}`).headers;
    },
    async get(key, { discard = false } = {}) {
      const response = await client.request('GET', blobPath(key), {
        headers: VERSION_HEADERS,
        discard,
      });
      return expectStatus(response, [200], `GET ${key}`).bytes;
    },
    async listPage({ prefix = '', delimiter = '', marker = '', maxKeys = 1000 }) {
      const query = new URLSearchParams({
        restype: 'container',
        comp: 'list',
        maxresults: String(maxKeys),
        prefix,
        marker,
      });
      if (delimiter) query.set('delimiter', delimiter);
      const path = `/${ACCOUNT}/${container}?${query}&${sas}`;
      const response = await client.request('GET', path, { headers: VERSION_HEADERS });
      return parseEnumerationResults(expectStatus(response, [200], 'list').body.toString('utf8'));
    },
  };
}

function encodeKey(key) {
  return key.split('/').map(encodeURIComponent).join('/');
}

function parseEnumerationResults(xml) {
  const keys = (xml.match(/<Blob>/g) || []).length;
  const prefixes = (xml.match(/<BlobPrefix>/g) || []).length;
  const nextMarker = /<NextMarker>([^<]+)<\/NextMarker>/.exec(xml);
  return { keys, prefixes, next: nextMarker ? nextMarker[1] : null };
}

/** The readiness request: listing containers needs the whole auth path to be up. */
function azureReadiness() {
  return { path: `/${ACCOUNT}?comp=list&${accountSasQuery()}`, headers: VERSION_HEADERS };
}

module.exports = { azureApi, azureReadiness };
