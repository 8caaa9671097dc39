// The SuperOffice node's resources and their operations: the values saved in workflows (public; never rename).
import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	selection: 'removeMembers';
	relation: 'delete';
};

export type SuperOfficeType = AllEntities<NodeMap>;
