import * as v from 'valibot'
import {
  type Contexts,
  ContextsSchema,
  typeMarker,
  type VCardOrigin,
  type VendorProperties,
  vCardOriginEntries,
} from './common.js'

/**
 * A unit of an organization, such as a division or department.
 *
 * @see RFC 9553 §2.2.3
 * @example { "name": "Marketing" }
 */
export interface OrgUnit extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'OrgUnit'
  readonly name: string
  readonly sortAs?: string
}

/**
 * Validates an {@link OrgUnit}.
 *
 * @see RFC 9553 §2.2.3
 */
export const OrgUnitSchema: v.GenericSchema<unknown, OrgUnit> = v.looseObject({
  '@type': typeMarker('OrgUnit'),
  name: v.string(),
  sortAs: v.exactOptional(v.string()),
  ...vCardOriginEntries,
})

/**
 * A company or organization the entity is associated with; `name` or `units` is set.
 *
 * @see RFC 9553 §2.2.3
 * @example { "name": "ABC, Inc.", "units": [{ "name": "North American Division" }], "sortAs": "ABC" }
 */
export interface Organization extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'Organization'
  readonly name?: string
  /** Units from the top of the hierarchy down; at least one when set. */
  readonly units?: readonly OrgUnit[]
  readonly sortAs?: string
  readonly contexts?: Contexts
}

/**
 * Validates an {@link Organization}: it must have a name or units.
 *
 * @see RFC 9553 §2.2.3
 */
export const OrganizationSchema: v.GenericSchema<unknown, Organization> = v.pipe(
  v.looseObject({
    '@type': typeMarker('Organization'),
    name: v.exactOptional(v.string()),
    units: v.exactOptional(v.pipe(v.array(OrgUnitSchema), v.minLength(1))),
    sortAs: v.exactOptional(v.string()),
    contexts: v.exactOptional(ContextsSchema),
    ...vCardOriginEntries,
  }),
  v.check(
    (organization) => organization.name !== undefined || organization.units !== undefined,
    'an Organization needs a name or units',
  ),
)

/**
 * A job title or a (more temporary) role.
 *
 * @see RFC 9553 §2.2.5
 * @example { "kind": "role", "name": "Project Leader", "organizationId": "o2" }
 */
export interface Title extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'Title'
  readonly name: string
  /** `title` (default) or `role`. */
  readonly kind?: 'title' | 'role' | (string & {})
  /** The key of the organization in `organizations` the title is held in. */
  readonly organizationId?: string
}

/**
 * Validates a {@link Title}.
 *
 * @see RFC 9553 §2.2.5
 */
export const TitleSchema: v.GenericSchema<unknown, Title> = v.looseObject({
  '@type': typeMarker('Title'),
  name: v.string(),
  kind: v.exactOptional(v.string()),
  organizationId: v.exactOptional(v.string()),
  ...vCardOriginEntries,
})
