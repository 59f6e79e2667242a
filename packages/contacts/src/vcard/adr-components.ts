/**
 * The AddressComponent kind of each ADR component, by position: the 7 of RFC 6350, then the 11
 * RFC 9554 adds (room, apartment, floor, street number, street name, building, block,
 * subdistrict, district, landmark, direction). Positions 1 and 2 (extended and street address)
 * become `apartment` and `name` when the ADR has none of the new components.
 *
 * @see RFC 9555 §2.6.1, RFC 9554 §5.1
 */
export const adrComponentKinds: readonly string[] = [
  'postOfficeBox',
  'apartment',
  'name',
  'locality',
  'region',
  'postcode',
  'country',
  'room',
  'apartment',
  'floor',
  'number',
  'name',
  'building',
  'block',
  'subdistrict',
  'district',
  'landmark',
  'direction',
]

/** The RFC 9554 positions that stand for the extended address (position 1). */
export const extendedAddressPositions: readonly number[] = [7, 8, 9, 12]

/** The RFC 9554 positions that stand for the street address (position 2). */
export const streetAddressPositions: readonly number[] = [10, 11, 13, 14, 15, 16, 17]
