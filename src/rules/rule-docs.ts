/** The project's repository: the one place its web address is written. */
export const REPOSITORY_URL = 'https://github.com/lightsail-compat/lightsail-compat';

/** Where the rule documentation pages live (`docs/rules/<id>.md` in the repository). */
export const RULE_DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/docs/rules/`;

/** The documentation page of a built-in rule or check. */
export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${encodeURIComponent(ruleId)}.md`;
}
