// The AutoSend node's resources and their operations: the values saved in workflows (public; never rename).
import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	contactList: 'removeContacts';
};

export type AutoSendType = AllEntities<NodeMap>;
