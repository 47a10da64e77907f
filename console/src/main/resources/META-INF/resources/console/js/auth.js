// Sign-in through Keycloak with the authorization code flow and PKCE (keycloak-js, shipped in this jar; index.html
// loads its browser bundle, which defines window.Keycloak).

/** Seconds of validity a token must still have before it is used; otherwise it is refreshed first. */
const MIN_VALIDITY_SECONDS = 30;

/**
 * Signs the user in (redirecting to Keycloak's login form when there is no session) and answers the session.
 * The check-SSO iframe stays off: it would need Keycloak in frame-src and third-party cookies, and the console
 * refreshes its token before each call anyway.
 */
export async function signIn(config) {
  const keycloak = new globalThis.Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false });
  return {
    claims: keycloak.tokenParsed,
    async token() {
      await keycloak.updateToken(MIN_VALIDITY_SECONDS);
      return keycloak.token;
    },
    logout() {
      return keycloak.logout({ redirectUri: `${window.location.origin}/console/` });
    },
  };
}

const BRAND_ROLES = ['brand-admin', 'brand-analyst', 'brand-auditor', 'integration'];
const VENDOR_ROLES = ['vendor-admin', 'vendor-supervisor', 'qa-reviewer'];

/** Who the signed-in person acts for, from the token's tenant claims and realm roles (ARCHITECTURE section 6). */
export function principalOf(claims) {
  const roles = claims?.realm_access?.roles ?? [];
  const name = claims?.name || claims?.preferred_username || '';
  if (roles.includes('platform-admin')) return { kind: 'platform', name, roles };
  if (claims?.agent_id) return { kind: 'agent', name, roles, vendorId: claims.vendor_id, agentId: claims.agent_id };
  if (claims?.brand_id && roles.some((role) => BRAND_ROLES.includes(role))) {
    return { kind: 'brand', name, roles, brandId: claims.brand_id };
  }
  if (claims?.vendor_id && roles.some((role) => VENDOR_ROLES.includes(role))) {
    return { kind: 'vendor', name, roles, vendorId: claims.vendor_id };
  }
  return { kind: 'none', name, roles };
}
