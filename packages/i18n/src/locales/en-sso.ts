import type { koSso } from "./ko-sso";
import type { Translation } from "./translation";

export const enSso: Translation<typeof koSso> = {
  admin: {
    title: "Single sign-on (SSO)",
    intro:
      "Lets people sign in with your organisation's identity provider (OpenID Connect). At their first sign-in they are matched to an existing member by e-mail or employee number; people who are not registered cannot sign in.",
    redirectUri: "Redirect URI",
    redirectUriHint:
      "Enter this address as the redirect URI when you register the client at your identity provider.",
    issuer: "Issuer URL",
    issuerHint: "e.g. https://sso.example.go.kr — its OpenID Connect configuration is checked before saving",
    clientId: "Client ID",
    clientSecret: "Client secret",
    clientSecretHintNew:
      "The value your identity provider issued. It is stored encrypted and never shown again",
    clientSecretHintStored: "A secret is stored. Enter one only to replace it (leave blank to keep it)",
    matchBy: "Match people by",
    matchByEmail: "E-mail address",
    matchByEmployeeNumber: "Employee number",
    employeeNumberClaim: "Employee number claim",
    employeeNumberClaimHint: "The claim in which your identity provider sends the employee number",
    enabled: "Enable single sign-on",
    save: "Save settings",
    saved: "Single sign-on settings saved",
  },
  form: {
    invalidIssuer: "Enter a valid URL (without query or #)",
    issuerHttps: "Enter an https:// address",
    tooLong: "Too long",
    invalidClaim: "Only letters, digits and _ . : - are allowed",
    secretRequired: "Enter the client secret",
    discoveryFailed:
      "Could not read the OpenID Connect configuration at the issuer URL. Check the address and the identity provider",
  },
  signIn: {
    link: "Sign in with your organisation's account",
  },
  error: {
    title: "Single sign-on failed",
    no_match:
      "No member of this organisation matches your identity provider account. Ask your organisation's administrator to register you",
    expired: "The sign-in took too long or was started in another window. Please try again",
    cancelled: "The sign-in was cancelled at the identity provider",
    unavailable: "Your organisation's identity provider cannot be reached right now. Please try again later",
    failed: "The identity provider's answer could not be verified. Please try again",
    retry: "Try again",
    passwordSignIn: "Sign in with a password",
  },
};
