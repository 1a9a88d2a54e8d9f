/**
 * Preloaded into every service process the supervisor starts: when the supervisor goes away without
 * stopping it (killed, crashed), the IPC channel closes and the service stops itself instead of
 * holding its port. The channel does not keep the process alive.
 */
if (process.channel) {
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
