/** Input limits shared by the server's schemas and the web forms, so both say the same thing. */
export const LIMITS = {
  usernameMin: 2,
  usernameMax: 64,
  displayNameMax: 100,
  passwordMin: 8,
  passwordMax: 128,
  unitNameMax: 100,
  unitShortNameMax: 50,
  unitAliasMax: 100,
  unitAliasesMax: 20,
  tokenNameMax: 100,
  emailMax: 254,
  phoneMax: 32,
  searchMax: 100,
  pageSizeMax: 200,
  pageSizeDefault: 50,
} as const;

/** Phone numbers as people write them: digits, spaces, +, -, and brackets. */
export const PHONE_PATTERN = /^[0-9+\-() ]*$/;

/** Usernames: letters, digits, dot, dash, underscore; stored lower-case. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
