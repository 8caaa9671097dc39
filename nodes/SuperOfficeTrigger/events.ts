// SuperOffice's webhook event names (reference §5.3), and where the full record of each entity lives.
import type { INodePropertyOptions } from 'n8n-workflow';

const ENTITIES: Array<[entity: string, label: string, events: string[]]> = [
	['activity', 'Activity (Appointment)', ['created', 'changed', 'deleted']],
	['associate', 'Associate (User)', ['created', 'changed', 'deleted']],
	['chatsession', 'Chat Session', ['created', 'changed', 'message']],
	['contact', 'Company (Contact)', ['created', 'changed', 'deleted', 'softdeleted']],
	['document', 'Document', ['created', 'changed', 'deleted', 'edited']],
	['person', 'Person', ['created', 'changed', 'deleted', 'softdeleted', 'consented', 'unconsented']],
	['project', 'Project', ['created', 'changed', 'deleted']],
	['projectmember', 'Project Member', ['created', 'changed', 'deleted']],
	['quote', 'Quote', ['approved', 'rejected', 'sent', 'ordered']],
	['relation', 'Relation', ['created', 'changed', 'deleted']],
	['sale', 'Sale', ['created', 'changed', 'deleted', 'sold', 'lost', 'completed']],
	['salestakeholder', 'Sale Stakeholder', ['created', 'changed', 'deleted']],
	['ticket', 'Ticket (Request)', ['created', 'changed']],
];

const VERBS: Record<string, string> = {
	created: 'Created',
	changed: 'Changed',
	deleted: 'Deleted',
	softdeleted: 'Moved to Recycle Bin',
	consented: 'Consent Given',
	unconsented: 'Consent Withdrawn',
	edited: 'Content Edited',
	message: 'Message Posted',
	sold: 'Sold',
	lost: 'Lost',
	completed: 'Completed',
	approved: 'Approved',
	rejected: 'Rejected',
	sent: 'Sent',
	ordered: 'Ordered',
};

export const EVENT_OPTIONS: INodePropertyOptions[] = ENTITIES.flatMap(([entity, label, events]) =>
	events.map((event) => ({ name: `${label} ${VERBS[event]}`, value: `${entity}.${event}` })),
).sort((a, b) => a.name.localeCompare(b.name));

/** REST entity paths below /v1 for the events' Entity; others have no single record to fetch. */
export const RECORD_PATHS: ReadonlyMap<string, string> = new Map(
	Object.entries({
		activity: 'Appointment',
		appointment: 'Appointment',
		associate: 'Associate',
		contact: 'Contact',
		document: 'Document',
		person: 'Person',
		project: 'Project',
		relation: 'Relation',
		sale: 'Sale',
		ticket: 'Ticket',
	}),
);
