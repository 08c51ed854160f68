/**
 * The Lightsail catalog model: blueprints (images) and bundles (instance plans) as the AWS API
 * returns them, after normalization.
 *
 * Field names are exactly the AWS names (`GetBlueprints` / `GetBundles`, API version 2016-11-28), so
 * a value read from the SDK or the CLI can be compared with a normalized one field by field.
 *
 * @module
 */

/** The platforms the AWS model defines for `Blueprint.platform` and `Bundle.supportedPlatforms`. */
export const KNOWN_PLATFORMS = ['LINUX_UNIX', 'WINDOWS'] as const;

/** A platform the AWS model defines today. */
export type KnownPlatform = (typeof KNOWN_PLATFORMS)[number];

/**
 * A platform value as found in a catalog. Usually a {@link KnownPlatform}; a value AWS adds later
 * (say `MACOS`) is kept as it is, loads with a warning, and never equals a known platform.
 */
export type Platform = KnownPlatform | (string & Record<never, never>);

/** The blueprint types the AWS model defines. */
export const KNOWN_BLUEPRINT_TYPES = ['os', 'app'] as const;

/** A blueprint type: `os` (an operating system only) or `app` (an application stack). */
export type BlueprintType = (typeof KNOWN_BLUEPRINT_TYPES)[number] | (string & Record<never, never>);

/** The app categories the AWS model defines; `LfR` is Lightsail for Research. */
export const KNOWN_APP_CATEGORIES = ['LfR'] as const;

/** An app category as found in a catalog. */
export type AppCategory = (typeof KNOWN_APP_CATEGORIES)[number] | (string & Record<never, never>);

/** The `ipAddressType` values `CreateInstances` accepts. */
export const KNOWN_IP_ADDRESS_TYPES = ['dualstack', 'ipv4', 'ipv6'] as const;

/** An instance's IP address type, as given to `CreateInstances`. */
export type IpAddressType = (typeof KNOWN_IP_ADDRESS_TYPES)[number];

/**
 * A blueprint: the image an instance starts from (an OS, or an OS with an application).
 *
 * Normalization guarantees `blueprintId`, `isActive`, `minPower` and `platform`; every other member
 * is optional in the AWS model and is present only when the source had it. Members the model does
 * not know (added by AWS later) are kept unchanged.
 */
export interface Blueprint {
  /** The stable id used by `CreateInstances`, such as `wordpress` or `ubuntu_22_04`. */
  readonly blueprintId: string;
  /** Friendly name, such as `Amazon Linux 2023`. */
  readonly name?: string;
  /** Group name, such as `amazon_linux_2023`. */
  readonly group?: string;
  /** `os` or `app`. */
  readonly type?: BlueprintType;
  /** Free text description. */
  readonly description?: string;
  /**
   * Whether new instances may use it. Inactive blueprints are listed only for existing instances.
   * A source without the member is read as active (see the catalog model guide).
   */
  readonly isActive: boolean;
  /** The smallest bundle `power` it runs on; 0 means every size. A missing value reads as 0. */
  readonly minPower: number;
  /** Version of the OS or application. */
  readonly version?: string;
  /** Version code. */
  readonly versionCode?: string;
  /** Product page. */
  readonly productUrl?: string;
  /** End-user license. */
  readonly licenseUrl?: string;
  /** `LINUX_UNIX` or `WINDOWS`. Catalogs from before 2017-10-18 lack it: read as `LINUX_UNIX`. */
  readonly platform: Platform;
  /** `LfR` for Lightsail for Research blueprints; absent for standard ones. */
  readonly appCategory?: AppCategory;
  /** Members a later API version added; kept as they came. */
  readonly [unknownMember: string]: unknown;
}

/**
 * A bundle: an instance plan (vCPUs, RAM, disk, transfer, price).
 *
 * Normalization guarantees every member typed without `?` below. `supportedPlatforms`,
 * `supportedAppCategories` and `publicIpv4AddressCount` get the values the API implied before it
 * had them (see the catalog model guide).
 */
export interface Bundle {
  /** The stable id used by `CreateInstances`, such as `nano_3_0`. */
  readonly bundleId: string;
  /** Price in US dollars per month. Prices change while ids stay the same. */
  readonly price: number;
  /** Number of vCPUs. */
  readonly cpuCount: number;
  /** SSD size in GB. */
  readonly diskSizeInGb: number;
  /** Size class (`nano` .. `4xlarge`), or the EC2 type (`t2.nano`) in 2017 catalogs. */
  readonly instanceType?: string;
  /** Whether new instances may use it. A source without the member is read as active. */
  readonly isActive: boolean;
  /** Friendly name, such as `Micro`. */
  readonly name?: string;
  /** Relative size; a blueprint runs on a bundle when `power >= minPower`. */
  readonly power: number;
  /** RAM in GB. */
  readonly ramSizeInGb: number;
  /** Monthly data transfer allowance in GB. */
  readonly transferPerMonthInGb: number;
  /** Platforms the bundle can run. Read as `[LINUX_UNIX]` when missing (before 2017-10-18). */
  readonly supportedPlatforms: readonly Platform[];
  /** App categories the bundle serves; empty for a standard bundle. */
  readonly supportedAppCategories: readonly AppCategory[];
  /** Public IPv4 addresses included: 1 for dual-stack, 0 for IPv6-only. Read as 1 when missing. */
  readonly publicIpv4AddressCount: number;
  /** Members a later API version added; kept as they came. */
  readonly [unknownMember: string]: unknown;
}

/** Where a catalog's data came from. */
export type CatalogSourceKind = 'builtin' | 'live' | 'file' | 'merged';

/** Facts about a catalog as a whole. */
export interface CatalogMetadata {
  /** AWS region the catalog describes, when known (`us-east-1`). */
  readonly region?: string;
  /** Where the data came from. */
  readonly source: CatalogSourceKind;
  /** When the data was fetched from AWS (ISO 8601), for live catalogs. */
  readonly fetchedAt?: string;
  /** The date the data was assembled or last confirmed (ISO 8601 date), for snapshots. */
  readonly asOf?: string;
  /** Names of the inputs merged into this catalog, sorted. */
  readonly inputs: readonly string[];
  /** Free notes carried by a catalog file. */
  readonly notes?: readonly string[];
  /**
   * Where values come from, by item id and member: `model`, `doc`, `seen` or `inferred`, with an
   * optional explanation after a colon (`inferred: same as the Linux plan of the same size`).
   */
  readonly provenance?: CatalogProvenance;
}

/** Provenance labels of a catalog's values, by item id and member name. */
export interface CatalogProvenance {
  /** Labels for blueprints, by `blueprintId`. */
  readonly blueprints?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Labels for bundles, by `bundleId`. */
  readonly bundles?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * A normalized, de-duplicated catalog. Items are sorted by id, so two catalogs built from the same
 * items compare equal whatever the order of their inputs.
 */
export interface Catalog {
  /** Region, source and date. */
  readonly metadata: CatalogMetadata;
  /** Every blueprint, sorted by `blueprintId`. */
  readonly blueprints: readonly Blueprint[];
  /** Every bundle, sorted by `bundleId`. */
  readonly bundles: readonly Bundle[];
  /** The blueprint with this id, or `undefined`. */
  getBlueprint(blueprintId: string): Blueprint | undefined;
  /** The bundle with this id, or `undefined`. */
  getBundle(bundleId: string): Bundle | undefined;
}

/** Whether `value` is a platform the AWS model defines. */
export function isKnownPlatform(value: unknown): value is KnownPlatform {
  return value === 'LINUX_UNIX' || value === 'WINDOWS';
}

/** Whether a bundle is IPv6-only (no public IPv4 address). */
export function isIpv6Only(bundle: Bundle): boolean {
  return bundle.publicIpv4AddressCount === 0;
}
