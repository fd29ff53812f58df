import type { SeedClient } from './seed-client';

/**
 * What the demo team set up before the history starts, through the API as Sara (admin): saved replies
 * everyone shares, and routing rules, which the one flow then applies to every past post as it arrives
 * (questions go to Maya, complaints are marked high priority).
 */
const SAVED_REPLIES = [
  {
    name: 'Thanks for the kind words',
    body: 'Thank you so much, {{first_name}}! That made our day. {{agent_first_name}}',
  },
  {
    name: 'Sorry, please DM us',
    body:
      'Hi {{first_name}}, I’m sorry to read this. Could you send us a DM with the details? ' +
      'We’ll sort it out together. {{agent_first_name}}',
  },
  {
    name: 'Question answered by DM',
    body: 'Hi {{first_name}}, thanks for asking! I’ve sent you a DM with the details. {{agent_first_name}}',
  },
];

export async function setUpInbox(client: SeedClient, adminToken: string, agentId: string) {
  const saved = await client.request<{ items: { name: string }[] }>(adminToken, 'GET', '/saved-replies');
  for (const r of SAVED_REPLIES)
    if (!saved.items.some((s) => s.name === r.name))
      await client.request(adminToken, 'POST', '/saved-replies', { ...r, shared: true });

  const rules = await client.request<{ items: { name: string }[] }>(adminToken, 'GET', '/routing-rules');
  const have = new Set(rules.items.map((r) => r.name));
  if (!have.has('Questions go to Maya'))
    await client.request(adminToken, 'POST', '/routing-rules', {
      name: 'Questions go to Maya',
      conditions: { intents: ['question'] },
      actions: { assignUserId: agentId, tags: ['question'] },
    });
  if (!have.has('Complaints first'))
    await client.request(adminToken, 'POST', '/routing-rules', {
      name: 'Complaints first',
      conditions: { intents: ['complaint'], sentimentMax: -0.3 },
      actions: { priority: 'high', tags: ['complaint'] },
    });
}
