// Asset status colours. The legend always names them too, so colour is never the only cue.

export const STATUSES = ['ok', 'warning', 'alarm', 'offline'];

export const STATUS_COLORS = {
  ok: '#35b57a',
  warning: '#f5a524',
  alarm: '#ef4444',
  offline: '#8a96a3',
  unknown: '#56677a',
};

// Buildings in good health stay neutral so that the few in trouble stand out.
export const BUILDING_OK = '#4d6a86';
// Free-flowing roads: a quieter green than point assets, so congestion stands out.
export const ROAD_OK = '#2a8f66';

/** Status as one of STATUSES, or 'unknown', from the wire's status name. @param {unknown} s */
export function normalizeStatus(s) {
  if (typeof s === 'string') {
    const v = s.toLowerCase();
    return STATUSES.includes(v) ? v : 'unknown';
  }
  return 'unknown';
}

/** @returns {any} a MapLibre expression (its typings want tuples that array literals never match) */
export function statusColorExpression(okColor = STATUS_COLORS.ok) {
  return ['match', ['to-string', ['feature-state', 'status']],
    'ok', okColor,
    'warning', STATUS_COLORS.warning,
    'alarm', STATUS_COLORS.alarm,
    'offline', STATUS_COLORS.offline,
    STATUS_COLORS.unknown];
}
