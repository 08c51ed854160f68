/**
 * Metadata of the checks `vet` runs itself, beside the pair rules of the evaluator: ids, titles,
 * default severities and why each exists. One registry, so docs, SARIF rules and `rules list`
 * agree (tests keep `docs/rules/` in step with it). Their documentation URLs come from the rules
 * module's `ruleDocsUrl`, like every other rule's.
 *
 * @module
 */

/** A vet check: what the rules index and SARIF need to describe it. */
export interface VetCheck {
  /** Stable id, also the doc page name (`docs/rules/<id>.md`). */
  readonly id: string;
  /** One line. */
  readonly title: string;
  /** Severity unless overridden (`--unknown` for the two unknown-id checks). */
  readonly defaultSeverity: 'error' | 'warning' | 'info';
  /** Why the check exists. */
  readonly rationale: string;
}

/** Every check `vet` runs besides the evaluator's pair rules, sorted by id. */
export const VET_CHECKS: readonly VetCheck[] = [
  {
    id: 'access-protocol',
    title: 'The access protocol matches the platform: ssh for Linux/Unix, rdp for Windows',
    defaultSeverity: 'error',
    rationale:
      'GetInstanceAccessDetails takes protocol ssh or rdp; asking for ssh to a Windows instance or rdp to a Linux one gets no usable access details.',
  },
  {
    id: 'ip-address-type',
    title: 'The IP address type matches the bundle: ipv6 needs an IPv6-only bundle, dualstack and ipv4 must not use one',
    defaultSeverity: 'error',
    rationale:
      'A bundle with publicIpv4AddressCount 0 is IPv6-only: CreateInstances accepts it only with ipAddressType ipv6, and ipv6 only with such a bundle. The default is dualstack.',
  },
  {
    id: 'region-catalog',
    title: "The catalog of the instance's region is available",
    defaultSeverity: 'warning',
    rationale:
      'Catalogs differ by region. An instance whose region has no catalog is not checked rather than checked against another region, and this says so.',
  },
  {
    id: 'suppression-without-reason',
    title: 'A suppression gives a reason',
    defaultSeverity: 'warning',
    rationale: 'A suppression silences a real finding; the reason is what a reviewer reads to accept it.',
  },
  {
    id: 'unknown-blueprint',
    title: 'The blueprint id is in the catalog',
    defaultSeverity: 'error',
    rationale:
      'CreateInstances fails on a blueprint id the region does not offer. Catalogs go stale and differ by region, so --unknown sets the severity.',
  },
  {
    id: 'unknown-bundle',
    title: 'The bundle id is in the catalog',
    defaultSeverity: 'error',
    rationale:
      'CreateInstances fails with "The specified bundle does not exist in this region" on a bundle id the region does not offer. --unknown sets the severity.',
  },
  {
    id: 'unresolved-value',
    title: 'A value that cannot be known before apply is reported, not skipped',
    defaultSeverity: 'info',
    rationale:
      'A resource attribute, a function call or a variable without a value is known only at plan or apply time; vet says what it could not check instead of passing it silently.',
  },
  {
    id: 'windows-password-retrieval',
    title: 'A Windows instance with a custom key pair gets its password from passwordData',
    defaultSeverity: 'info',
    rationale:
      'For a Windows instance created with a key pair other than LightsailDefaultKeyPair, GetInstanceAccessDetails returns an empty password; it must be decrypted from passwordData.ciphertext with that key pair\'s private key.',
  },
];

/** The vet check with this id, if it is one. */
export function findVetCheck(id: string): VetCheck | undefined {
  return VET_CHECKS.find((c) => c.id === id);
}
