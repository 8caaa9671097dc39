// AutoSend's webhook event types (reference §4).
import type { INodePropertyOptions } from 'n8n-workflow';

export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Contact Created', value: 'contact.created' },
	{ name: 'Contact Deleted', value: 'contact.deleted' },
	{ name: 'Contact Updated', value: 'contact.updated' },
	{ name: 'Email Bounced', value: 'email.bounced' },
	{ name: 'Email Clicked', value: 'email.clicked' },
	{ name: 'Email Deferred', value: 'email.deferred' },
	{ name: 'Email Delivered', value: 'email.delivered' },
	{ name: 'Email Marked as Spam', value: 'email.spam_reported' },
	{ name: 'Email Opened', value: 'email.opened' },
	{ name: 'Email Received (Inbound)', value: 'email.received' },
	{ name: 'Email Sent', value: 'email.sent' },
	{ name: 'Resubscribed to Group', value: 'email.group_resubscribed' },
	{ name: 'Unsubscribed (All Emails)', value: 'email.unsubscribed' },
	{ name: 'Unsubscribed From Group', value: 'email.group_unsubscribed' },
];
