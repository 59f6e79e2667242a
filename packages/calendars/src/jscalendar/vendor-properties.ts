/**
 * Vendor-specific properties, named `domain:name`, which JSCalendar requires every reader to keep.
 *
 * @see draft-ietf-calext-jscalendarbis §3.3
 * @example { "example.com:foo": "bar" }
 */
export interface VendorProperties {
  [vendorProperty: `${string}:${string}`]: unknown
}
