// The notifications feature's public surface: routes, other features and the HTTP layer import
// only these names, only from here (lint-enforced). Anything else is the feature's own.
export {
	listNotifications,
	markAllRead,
	notify,
	notifyResponsibleWorker,
	openNotification,
	organisationStaff,
	teamMembersWithRole,
	unreadCount
} from './notifications';
export { notifyOverdue } from './overdue';
