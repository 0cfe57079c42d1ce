// Re-check while typing: one check after the typing pauses, not one per keystroke.
import { debounce } from '../../src/taskpane/debounce';

test('runs once after the calls pause, and not at all when cancelled', () => {
  jest.useFakeTimers();
  try {
    const fn = jest.fn();
    const later = debounce(fn, 800);
    later();
    jest.advanceTimersByTime(500);
    later();
    jest.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
    jest.advanceTimersByTime(300);
    expect(fn).toHaveBeenCalledTimes(1);
    later();
    later.cancel();
    jest.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  } finally {
    jest.useRealTimers();
  }
});
