import { retarget, reviseOrder } from '../../src/core/orders';
import { MIN, T0, order } from './fixtures';

describe('order revisions', () => {
  test('an edit replaces the order and keeps its place in the queue', () => {
    const first = order('form:r1', 0, [
      ['rice', 2],
      ['oil', 1],
    ]);
    const edited = reviseOrder(first, {
      ...first,
      lines: [{ itemId: 'rice', steps: 1, extraSteps: 0 }],
      submittedAt: T0 + 90 * MIN,
      revision: 2,
    });
    expect(edited.lines.map((l) => [l.itemId, l.steps])).toEqual([['rice', 1]]);
    expect(edited.firstSubmittedAt).toBe(T0);
    expect(edited.lines[0].tranches).toEqual([{ steps: 1, at: T0 }]);
  });

  test('a stale or repeated revision changes nothing', () => {
    const first = order('form:r1', 0, [['rice', 2]]);
    const second = reviseOrder(first, {
      ...first,
      lines: [{ itemId: 'rice', steps: 5, extraSteps: 0 }],
      submittedAt: T0 + MIN,
      revision: 2,
    });
    expect(reviseOrder(second, { ...first, revision: 1 })).toBe(second);
    expect(reviseOrder(second, { ...second, lines: [], revision: 2 })).toBe(second);
  });

  test('lowering gives back the newest units first', () => {
    const tranches = [
      { steps: 2, at: 1 },
      { steps: 3, at: 5 },
    ];
    expect(retarget(tranches, 3, 9)).toEqual([
      { steps: 2, at: 1 },
      { steps: 1, at: 5 },
    ]);
    expect(retarget(tranches, 7, 9)).toEqual([...tranches, { steps: 2, at: 9 }]);
    expect(retarget(tranches, 0, 9)).toEqual([]);
  });
});
