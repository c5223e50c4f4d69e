/** Sign-in with OpenID Connect next to passwords (see auth/oidc.ts): start, then complete with the callback URL. */
import { builder } from '../builder';
import { completeOidc, oidcSettings, startOidc } from '../auth/oidc';
import { gqlError, typed } from '../errors';
import { AuthPayload, openSessionFor } from './auth';

/** How long a started sign-in may take at the provider. */
const OIDC_STATE_TTL_SECONDS = 600;

const OidcProviderType = builder.simpleObject('OidcProvider', {
  fields: (t) => ({
    enabled: t.boolean(),
    label: t.string({ description: 'Name of the provider for the sign-in button' }),
  }),
});

builder.queryField('oidcProvider', (t) =>
  t.field({
    type: OidcProviderType,
    description: 'Whether sign-in with OpenID Connect (SSO) is offered, and under which name',
    resolve: (_r, _a, ctx) => ({ enabled: oidcSettings(ctx.config) !== null, label: ctx.config.OIDC_LABEL }),
  }),
);

const OidcStartType = builder.simpleObject('OidcSignInStart', {
  fields: (t) => ({
    url: t.string({ description: "The provider's authorization URL to send the browser to" }),
  }),
});

builder.mutationField('startOidcSignIn', (t) =>
  t.field({
    type: OidcStartType,
    description: 'Starts a sign-in with OpenID Connect (authorization code + PKCE); open the returned URL',
    resolve: (_r, _a, ctx) =>
      typed(async () => {
        const s = oidcSettings(ctx.config);
        if (!s) throw gqlError('NOT_FOUND', 'Masuk dengan SSO tidak tersedia di sini');
        const started = await startOidc(s).catch((err: unknown) => {
          ctx.logger.warn({ err }, 'OpenID provider unreachable');
          throw gqlError('UNAVAILABLE', 'Penyedia SSO tidak dapat dihubungi; coba lagi nanti');
        });
        await ctx.accounts.saveOidcState(started, OIDC_STATE_TTL_SECONDS);
        return { url: started.url };
      }),
  }),
);

builder.mutationField('completeOidcSignIn', (t) =>
  t.field({
    type: AuthPayload,
    description:
      'Completes a sign-in with OpenID Connect: pass the full URL the provider sent the browser back to. The account is found by the verified e-mail (or the provider identity linked before); its role comes from the account record',
    args: { callbackUrl: t.arg.string() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const s = oidcSettings(ctx.config);
        if (!s) throw gqlError('NOT_FOUND', 'Masuk dengan SSO tidak tersedia di sini');
        let url: URL;
        try {
          url = new URL(args.callbackUrl);
        } catch {
          throw gqlError('VALIDATION_FAILED', 'Alamat kembali dari SSO tidak valid', 'callbackUrl');
        }
        const error = url.searchParams.get('error');
        if (error)
          throw gqlError('UNAUTHENTICATED', 'Masuk dengan SSO dibatalkan atau ditolak penyedia', 'callbackUrl');
        const state = url.searchParams.get('state') ?? '';
        const checks = state ? await ctx.accounts.takeOidcState(state) : null;
        if (!checks) {
          throw gqlError(
            'LINK_INVALID',
            'Proses masuk SSO ini tidak dikenal, sudah dipakai, atau kedaluwarsa; ulangi dari awal',
            'callbackUrl',
          );
        }
        const identity = await completeOidc(s, url, { state, ...checks }).catch((err: unknown) => {
          ctx.logger.warn({ err: (err as Error).message }, 'OpenID sign-in refused');
          throw gqlError('UNAUTHENTICATED', 'Jawaban penyedia SSO tidak dapat diverifikasi', 'callbackUrl');
        });
        let account = await ctx.accounts.findByOidcSubject(identity.subject);
        if (!account && identity.email && identity.emailVerified) {
          account = await ctx.accounts.findByEmail(identity.email);
          if (account) await ctx.accounts.linkOidcSubject(account.id, identity.subject);
        }
        if (!account) {
          throw gqlError(
            'UNAUTHENTICATED',
            'Identitas SSO ini belum terdaftar sebagai akun Seleksi JPT (email terverifikasi tidak cocok); hubungi administrator',
            'callbackUrl',
          );
        }
        if (!account.active)
          throw gqlError('UNAUTHENTICATED', 'Akun ini tidak aktif; hubungi administrator', 'callbackUrl');
        return openSessionFor(ctx, account, 'oidc');
      }),
  }),
);
