import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkingSerializerCompiler, fastSerializerCompiler, firstDifference } from './serializer.js';

// The two ways answers are written: checked (tests, development) refuses anything the response
// schema does not describe — wrong types and extra fields alike — and fast (production) writes the
// presenter's object as it is, which is only safe because the checked way runs in every test.

async function appWith(serializer: typeof fastSerializerCompiler, answer: unknown) {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializer);
  app.get(
    '/thing',
    { schema: { response: { 200: z.object({ id: z.number(), name: z.string() }) } } },
    async () => answer as never,
  );
  await app.ready();
  return app;
}

describe('response serializers', () => {
  it('should write an answer that matches its schema the same way in both modes', async () => {
    for (const serializer of [checkingSerializerCompiler, fastSerializerCompiler]) {
      const app = await appWith(serializer, { name: '市发改委', id: 3 });
      const response = await app.inject({ method: 'GET', url: '/thing' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ id: 3, name: '市发改委' });
      await app.close();
    }
  });

  it('should refuse, when checking, an answer with a field the schema does not name (zod alone would drop it)', async () => {
    const app = await appWith(checkingSerializerCompiler, { id: 3, name: 'x', passwordHash: 'secret' });
    const response = await app.inject({ method: 'GET', url: '/thing' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
    await app.close();
  });

  it('should refuse, when checking, an answer of the wrong type', async () => {
    const app = await appWith(checkingSerializerCompiler, { id: '3', name: 'x' });
    expect((await app.inject({ method: 'GET', url: '/thing' })).statusCode).toBe(500);
    await app.close();
  });

  it('should name the first differing path, ignoring key order', () => {
    expect(firstDifference({ a: 1, b: [{ c: 2 }] }, { b: [{ c: 2 }], a: 1 }, '')).toBeUndefined();
    expect(firstDifference({ a: 1, b: [{ c: 2, d: 3 }] }, { a: 1, b: [{ c: 2 }] }, '')).toBe('.b.0.d');
    expect(firstDifference([1, 2], [1], '')).toBe('.1');
    expect(firstDifference(null, {}, '')).toBe('(root)');
  });
});
