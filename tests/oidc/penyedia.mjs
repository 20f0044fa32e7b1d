// A real OpenID Provider for the tests, set up like the SSO BPS Keycloak realm: issuer path
// /realms/pegawai-bps, Keycloak's endpoint paths, the claims email, email_verified, name,
// preferred_username and nip, RS256 keys, PKCE required, RP-initiated logout.
//
// The protocol is oidc-provider's (a certified OpenID Provider); this file only configures it,
// serves its login and consent pages, and gives the tests a small admin door on /_admin/ to set
// the accounts and the clients, and to make the provider itself misbehave the ways a test needs:
//   POST /_admin/atur {akun, klien, kunciTanda, kunciTerbit, mundurDetik, audiensLain, tanpaKeluar}
//     akun         [{sub, sandi, email, email_verified, name, preferred_username, nip}]
//     klien        [{client_id, client_secret, redirect_uris, post_logout_redirect_uris}]
//     kunciTanda   which key signs ("utama", "baru" or "asing"); kunciTerbit: the keys the JWKS
//                  endpoint publishes. "asing" is never published: a token signed with a key the
//                  relying party cannot find.
//     mundurDetik  the provider's clock runs this many seconds behind: its ID tokens are expired
//                  when they arrive.
//     audiensLain  a client id: the next token response carries an ID token this provider
//                  issued to that other client (same user, same nonce), the token-substitution
//                  attack a relying party must refuse by its audience.
//     tanpaKeluar  no end_session_endpoint (a provider without RP-initiated logout).
// Started with the port 0, it listens on 127.0.0.1 and prints one JSON line {"port": N}.

import * as crypto from 'node:crypto';
import * as http from 'node:http';
import * as querystring from 'node:querystring';

import Provider from 'oidc-provider';

const AWALAN = '/realms/pegawai-bps';
const waktuAsli = Date.now;

function kunciRsa(kid) {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
}

const KUNCI = { utama: kunciRsa('kunci-utama'), baru: kunciRsa('kunci-baru'), asing: kunciRsa('kunci-asing') };

const keadaan = {
  akun: [],
  klien: [],
  kunciTanda: 'utama',
  kunciTerbit: ['utama'],
  mundurDetik: 0,
  audiensLain: null,
  tanpaKeluar: false,
};

// One store for every rebuild of the provider (oidc-provider's own in-memory adapter is new with
// each instance), so a code issued before a test changes the set-up can still be exchanged after.
// Expiry follows the real clock, whatever the provider's own clock says.
const simpanan = new Map();

class AdapterBersama {
  constructor(nama) {
    this.nama = nama;
  }

  kunci(id) {
    return `${this.nama}:${id}`;
  }

  async upsert(id, payload, expiresIn) {
    simpanan.set(this.kunci(id), { payload: { ...payload }, habis: expiresIn ? waktuAsli() + expiresIn * 1000 : Infinity });
  }

  async find(id) {
    const entri = simpanan.get(this.kunci(id));
    return entri && entri.habis > waktuAsli() ? { ...entri.payload } : undefined;
  }

  async cariMenurut(kolom, nilai) {
    for (const [kunci, entri] of simpanan) {
      if (kunci.startsWith(`${this.nama}:`) && entri.payload[kolom] === nilai && entri.habis > waktuAsli()) {
        return { ...entri.payload };
      }
    }
    return undefined;
  }

  async findByUid(uid) {
    return this.cariMenurut('uid', uid);
  }

  async findByUserCode(userCode) {
    return this.cariMenurut('userCode', userCode);
  }

  async consume(id) {
    const entri = simpanan.get(this.kunci(id));
    if (entri) entri.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id) {
    simpanan.delete(this.kunci(id));
  }

  async revokeByGrantId(grantId) {
    for (const [kunci, entri] of simpanan) {
      if (entri.payload.grantId === grantId) simpanan.delete(kunci);
    }
  }
}

let penyedia;
let penanganan;
let port;

function html(judul, isi) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${judul}</title></head>`
    + `<body><h1>${judul}</h1>${isi}</body></html>`;
}

function aman(teks) {
  return String(teks ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function cariAkun(sub) {
  const akun = keadaan.akun.find((a) => a.sub === sub);
  if (!akun) return undefined;
  return {
    accountId: sub,
    async claims() {
      const { sandi, ...klaim } = akun;
      return klaim;
    },
  };
}

function bangun() {
  const urutan = [keadaan.kunciTanda, ...Object.keys(KUNCI).filter((k) => k !== keadaan.kunciTanda)];
  const p = new Provider(`http://127.0.0.1:${port}${AWALAN}`, {
    clients: keadaan.klien.map((k) => ({
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      ...k,
    })),
    adapter: AdapterBersama,
    jwks: { keys: urutan.map((nama) => KUNCI[nama]) },
    cookies: { keys: ['kunci-kuki-uji-yang-tetap'] },
    // Keycloak puts the profile claims into the ID token; oidc-provider's default keeps them for
    // the userinfo endpoint when an access token is issued too.
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username', 'nip'],
    },
    scopes: ['openid', 'email', 'profile'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: !keadaan.tanpaKeluar,
        async logoutSource(ctx, form) {
          ctx.body = html('Do you want to log out?', `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Logout</button>`);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.body = html('You are logged out', '');
        },
      },
    },
    interactions: { url: (ctx, interaction) => `${AWALAN}/interaction/${interaction.uid}` },
    routes: {
      authorization: '/protocol/openid-connect/auth',
      token: '/protocol/openid-connect/token',
      userinfo: '/protocol/openid-connect/userinfo',
      jwks: '/protocol/openid-connect/certs',
      end_session: '/protocol/openid-connect/logout',
      revocation: '/protocol/openid-connect/revoke',
    },
    ttl: {
      AccessToken: 300, AuthorizationCode: 60, IdToken: 300, Interaction: 600, Session: 3600, Grant: 3600,
    },
    findAccount: (ctx, sub) => cariAkun(sub),
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = html('We are sorry...', `<p id="galat">${aman(out.error)}: ${aman(out.error_description)}</p>`);
    },
  });
  p.proxy = false;

  p.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route === 'jwks' && ctx.body?.keys) {
      const terbit = new Set(keadaan.kunciTerbit.map((nama) => KUNCI[nama].kid));
      ctx.body = { keys: ctx.body.keys.filter((k) => terbit.has(k.kid)) };
    }
    if (ctx.oidc?.route === 'token' && ctx.status === 200 && keadaan.audiensLain && ctx.body?.id_token) {
      const lain = await p.Client.find(keadaan.audiensLain);
      keadaan.audiensLain = null;
      const asli = JSON.parse(Buffer.from(ctx.body.id_token.split('.')[1], 'base64url').toString());
      const akun = await cariAkun(asli.sub);
      const token = new p.IdToken(await akun.claims(), { ctx, client: lain });
      token.scope = 'openid email profile';
      token.set('nonce', asli.nonce);
      token.set('at_hash', ctx.body.access_token);
      ctx.body = { ...ctx.body, id_token: await token.issue({ use: 'idtoken' }) };
    }
  });
  return p;
}

function bacaBadan(req) {
  return new Promise((resolve, reject) => {
    const bagian = [];
    req.on('data', (b) => bagian.push(b));
    req.on('end', () => resolve(Buffer.concat(bagian).toString()));
    req.on('error', reject);
  });
}

async function interaksi(req, res, uid, langkah) {
  const rincian = await penyedia.interactionDetails(req, res);
  if (rincian.uid !== uid) throw new Error('interaksi tidak cocok');
  const { prompt, params, session } = rincian;
  if (req.method === 'GET') {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    if (prompt.name === 'login') {
      const galat = langkah === 'salah' ? '<p id="galat">Invalid username or password.</p>' : '';
      res.end(html('Sign in to your account', `${galat}<form method="post" action="${AWALAN}/interaction/${uid}/login">`
        + '<label for="username">Username or email</label><input id="username" name="username" autofocus>'
        + '<label for="password">Password</label><input id="password" name="password" type="password">'
        + '<button type="submit">Sign In</button></form>'));
    } else {
      const klien = await penyedia.Client.find(params.client_id);
      res.end(html(`Grant access to ${aman(klien.clientName || klien.clientId)}`,
        `<form method="post" action="${AWALAN}/interaction/${uid}/consent"><button type="submit">Yes</button></form>`));
    }
    return;
  }
  const badan = querystring.parse(await bacaBadan(req));
  if (langkah === 'login') {
    const akun = keadaan.akun.find((a) => (a.preferred_username === badan.username || a.email === badan.username)
      && a.sandi === badan.password);
    if (!akun) {
      res.statusCode = 303;
      res.setHeader('Location', `${AWALAN}/interaction/${uid}?salah=1`);
      res.end();
      return;
    }
    await penyedia.interactionFinished(req, res, { login: { accountId: akun.sub } }, { mergeWithLastSubmission: false });
    return;
  }
  const { details } = prompt;
  const grant = rincian.grantId
    ? await penyedia.Grant.find(rincian.grantId)
    : new penyedia.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  const grantId = await grant.save();
  await penyedia.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

async function admin(req, res) {
  if (req.method === 'POST' && req.url === '/_admin/atur') {
    const perubahan = JSON.parse((await bacaBadan(req)) || '{}');
    Object.assign(keadaan, perubahan);
    Date.now = () => waktuAsli() - keadaan.mundurDetik * 1000;
    penyedia = bangun();
    penanganan = penyedia.callback();
  }
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ ...keadaan, akun: keadaan.akun.map((a) => a.sub), klien: keadaan.klien.map((k) => k.client_id) }));
}

const pelayan = http.createServer(async (req, res) => {
  try {
    if (req.url.startsWith('/_admin/')) {
      await admin(req, res);
      return;
    }
    if (!req.url.startsWith(`${AWALAN}/`)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const cocok = req.url.match(new RegExp(`^${AWALAN}/interaction/([^/?]+)(?:/(login|consent))?(?:\\?(salah)=1)?$`));
    if (cocok) {
      await interaksi(req, res, cocok[1], cocok[2] || cocok[3]);
      return;
    }
    req.originalUrl = req.url;
    req.url = req.url.slice(AWALAN.length);
    penanganan(req, res);
  } catch (galat) {
    res.statusCode = 500;
    res.end(String(galat));
  }
});

pelayan.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  ({ port } = pelayan.address());
  penyedia = bangun();
  penanganan = penyedia.callback();
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});
