// The AutoSend node's resources and their operations: the values saved in workflows (public; never rename).
import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	contact: 'upsert' | 'get' | 'delete';
	contactList: 'addContacts' | 'create' | 'delete' | 'getAll' | 'getContacts' | 'removeContacts';
	email: 'send' | 'sendMany';
	event: 'send';
	suppression: 'suppress';
};

export type AutoSendType = AllEntities<NodeMap>;
