import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from './channel-fixtures.js';
import { postWebhook } from './webhook.sender.js';
import {
  buildWebhookRequest,
  dingtalkSign,
  feishuSign,
  genericSignature,
  truncateUtf8,
  vendorFailure,
  type WebhookEvent,
} from './webhook-formats.js';

// The group robots' formats and signatures (the expected signatures were computed apart, with
// Python's hmac, from each vendor's documented recipe), and their way of refusing with HTTP 200.

const event: WebhookEvent = {
  id: 'n42',
  kind: 'supervision.urge',
  text: '催办：2026-0007「老旧小区改造」请加快进度',
  task: { id: 7, number: '2026-0007', title: '老旧小区改造' },
  params: { message: '请加快进度' },
  createdAt: '2026-03-05T01:00:00.000Z',
  link: 'https://luoshi.example.gov.cn/tasks/7',
};
const now = new Date(1_700_000_000_000);

describe('signatures', () => {
  it('should sign as each vendor documents', () => {
    expect(dingtalkSign('SECabc123', '1700000000000')).toBe('N5P09a4+p1AMJIJWnIvQd2Yxw9+fu/oEBnPrjCcsLXk=');
    expect(feishuSign('SECabc123', '1700000000')).toBe('UqhI0v4zAkSwI4hNYBuHQvnrAqshA0UaeBGHCUMPX70=');
    expect(genericSignature('whsec_test', '1700000000', '{"a":1}')).toBe(
      'sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
  });
});

describe(buildWebhookRequest.name, () => {
  it('should send WeCom a markdown message with the link, unsigned', () => {
    const request = buildWebhookRequest(
      {
        format: 'wecom',
        url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1',
        secret: null,
        locale: 'zh-CN',
      },
      event,
      now,
    );
    expect(request.url).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1');
    expect(JSON.parse(request.body)).toEqual({
      msgtype: 'markdown',
      markdown: { content: `**落实**\n${event.text}\n[查看任务](${event.link})` },
    });
  });

  it('should send DingTalk a text message with timestamp and sign in the query when a secret is set', () => {
    const target = {
      format: 'dingtalk' as const,
      url: 'https://oapi.dingtalk.com/robot/send?access_token=t1',
      secret: 'SECabc123',
      locale: 'en' as const,
    };
    const request = buildWebhookRequest(target, event, now);
    const url = new URL(request.url);
    expect(url.searchParams.get('access_token')).toBe('t1');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    expect(url.searchParams.get('sign')).toBe('N5P09a4+p1AMJIJWnIvQd2Yxw9+fu/oEBnPrjCcsLXk=');
    expect(request.url).toContain('sign=N5P09a4%2Bp1AMJIJWnIvQd2Yxw9%2Bfu%2FoEBnPrjCcsLXk%3D');
    expect(JSON.parse(request.body)).toEqual({
      msgtype: 'text',
      text: { content: `[Luoshi]${event.text}\n${event.link}` },
    });
    const unsigned = buildWebhookRequest({ ...target, secret: null }, event, now);
    expect(new URL(unsigned.url).searchParams.has('sign')).toBe(false);
  });

  it('should send Feishu a text message with timestamp (seconds) and sign in the body when a secret is set', () => {
    const target = {
      format: 'feishu' as const,
      url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abcdef0123456789',
      secret: 'SECabc123',
      locale: 'zh-TW' as const,
    };
    expect(JSON.parse(buildWebhookRequest(target, event, now).body)).toEqual({
      timestamp: '1700000000',
      sign: 'UqhI0v4zAkSwI4hNYBuHQvnrAqshA0UaeBGHCUMPX70=',
      msg_type: 'text',
      content: { text: `【落實】${event.text}\n${event.link}` },
    });
    expect(JSON.parse(buildWebhookRequest({ ...target, secret: null }, event, now).body)).not.toHaveProperty('sign');
  });

  it('should sign generic calls over the timestamp and the exact body', () => {
    const request = buildWebhookRequest(
      { format: 'generic', url: 'https://hooks.example.com/luoshi', secret: 'whsec_test', locale: 'zh-CN' },
      event,
      now,
    );
    expect(request.headers['X-Luoshi-Timestamp']).toBe('1700000000');
    expect(request.headers['X-Luoshi-Signature']).toBe(genericSignature('whsec_test', '1700000000', request.body));
    expect(JSON.parse(request.body)).toEqual({ ...event });
  });

  it('should keep a robot message within its byte limit, cutting on a character boundary', () => {
    const long = { ...event, text: '督'.repeat(3000) };
    const request = buildWebhookRequest(
      { format: 'wecom', url: 'https://x.example/h', secret: null, locale: 'zh-CN' },
      long,
      now,
    );
    const content: string = JSON.parse(request.body).markdown.content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(content.endsWith('督…')).toBe(true);
    expect(truncateUtf8('短', 10)).toBe('短');
  });
});

describe(vendorFailure.name, () => {
  it('should read a refusal inside a 200 answer, and accept errcode 0 / code 0', () => {
    expect(vendorFailure('wecom', '{"errcode":93000,"errmsg":"invalid webhook url"}')).toBe(
      'errcode 93000: invalid webhook url',
    );
    expect(vendorFailure('dingtalk', '{"errcode":310000,"errmsg":"sign not match"}')).toBe(
      'errcode 310000: sign not match',
    );
    expect(vendorFailure('feishu', '{"code":19021,"msg":"sign match fail or timestamp is not within one hour"}')).toBe(
      'code 19021: sign match fail or timestamp is not within one hour',
    );
    expect(vendorFailure('wecom', '{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(vendorFailure('feishu', '{"StatusCode":0,"StatusMessage":"success"}')).toBeNull();
    expect(vendorFailure('generic', '{"errcode":1}')).toBeNull();
  });
});

describe(postWebhook.name, () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it('should count a robot refusal answered with HTTP 200 as a failure', async () => {
    receiver.answers.push({ status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' });
    receiver.answers.push({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' });
    const target = {
      format: 'wecom' as const,
      url: `${receiver.url}/cgi-bin/webhook/send?key=k`,
      secret: null,
      locale: 'zh-CN' as const,
    };
    const request = buildWebhookRequest(target, event, now);
    expect(await postWebhook(request, 'wecom')).toEqual({
      ok: false,
      status: 200,
      error: 'errcode 93000: invalid webhook url',
    });
    expect(await postWebhook(request, 'wecom')).toEqual({ ok: true, status: 200, error: null });
    expect(receiver.calls[0]?.url).toBe('/cgi-bin/webhook/send?key=k');
  });

  it('should fail on a timeout and on an unreachable address without throwing', async () => {
    const slow: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const request = { url: 'http://127.0.0.1:9/', headers: {}, body: '{}' };
    expect(await postWebhook(request, 'generic', { fetchImpl: slow, timeoutMs: 20 })).toEqual({
      ok: false,
      status: null,
      error: 'request failed: timed out',
    });
    const refused = await postWebhook(request, 'generic', { timeoutMs: 2000 });
    expect(refused).toMatchObject({ ok: false, status: null });
    expect(refused.error).toMatch(/^request failed: /);
  });
});
