import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';
import { zhTW } from './zh-TW.js';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

const source = flatten(zhCN);
const languages = { en: flatten(en), 'zh-TW': flatten(zhTW) };

describe('messages', () => {
  it.each(Object.entries(languages))('should give %s the same interpolation variables as zh-CN', (_name, messages) => {
    for (const [key, text] of source) expect([key, variables(messages.get(key) ?? '')]).toEqual([key, variables(text)]);
  });

  it.each(Object.entries({ 'zh-CN': source, ...languages }))('should have no empty %s message', (_name, messages) => {
    for (const [key, text] of messages) expect([key, text.trim().length > 0]).toEqual([key, true]);
  });

  it('should write zh-TW in Traditional characters', () => {
    // Simplified forms that appear in this UI's vocabulary; none may leak into zh-TW.
    const simplified = /[们这单设户录码开关网务级权维护导选择删确认请输让该为时间显载续态应签题联项处办导]/u;
    for (const [key, text] of languages['zh-TW']) expect([key, simplified.test(text)]).toEqual([key, false]);
  });
});
