// Who may act on alarms: the server decides; the page only hides what would be refused.
import { me } from '../core/session.js';

/** Whether the signed-in account may act on alarms and edit rules (operators and admins). */
export function mayOperate() {
  const roles = me().roles ?? [];
  return roles.includes('operator') || roles.includes('admin');
}
