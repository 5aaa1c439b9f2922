'use strict';

const crypto = require('node:crypto');

// The public, well-known development account every Azurite install accepts.
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/**
 * An account SAS, signed once. Signing each request with SharedKey would put an HMAC per
 * request on the load generator's side, which the S3-style peers (unsigned) do not pay.
 */
function accountSasQuery() {
  const fields = {
    sv: '2020-08-04',
    ss: 'b',
    srt: 'sco',
    sp: 'rwdlac',
    se: '2099-01-01T00:00:00Z',
  };
  // Before version 2020-12-06 the string has no encryption scope line.
  const stringToSign = [
    ACCOUNT, fields.sp, fields.ss, fields.srt, '', fields.se, '', '', fields.sv, '',
  ].join('\n');
  const signature = crypto
    .createHmac('sha256', Buffer.from(ACCOUNT_KEY, 'base64'))
    .update(stringToSign, 'utf8')
    .digest('base64');
  return new URLSearchParams({ ...fields, sig: signature }).toString();
}

module.exports = { ACCOUNT, accountSasQuery };
