// `npm run demo`: build the browser demo and serve it on this machine until Ctrl-C.
import { buildDemo, DEMO_DIR, demoIsStale } from '../src/demo/server/build';
import { startDemoServer } from '../src/demo/server/serve';

async function main(): Promise<void> {
  const requested = process.env.PORT ? Number(process.env.PORT) : 3000;
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
    throw new Error(`PORT 不是有效的端口号 / PORT is not a valid port: ${process.env.PORT}`);
  }
  if (await demoIsStale()) {
    process.stderr.write('正在构建演示页面（约半分钟）… / Building the demo…\n');
    const warnings = await buildDemo();
    if (warnings.trim() !== '') process.stderr.write(`${warnings}\n`);
  }
  const server = await startDemoServer(DEMO_DIR, requested);
  process.stderr.write('演示已就绪，在浏览器中打开 / Demo ready, open in your browser:\n');
  process.stdout.write(`${server.url}\n`);
  process.stderr.write('按 Ctrl-C 停止 / Press Ctrl-C to stop.\n');
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`演示无法启动 / The demo could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
