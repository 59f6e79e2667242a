#!/usr/bin/perl
# syslog-sink.pl SOCKET LOGFILE PIDFILE
# Receives syslog datagrams on SOCKET (bind-mounted over the chroot's /dev/log)
# and appends them to LOGFILE: Cyrus reports most errors only to syslog, and
# the minimal chroot has no syslog daemon.
use strict;
use warnings;
use IO::Socket::UNIX;
use Socket qw(SOCK_DGRAM);

my ($path, $logfile, $pidfile) = @ARGV;
unlink $path;
my $s = IO::Socket::UNIX->new(Type => SOCK_DGRAM, Local => $path) or die "bind $path: $!";
chmod 0666, $path;
open(my $out, '>>', $logfile) or die "$logfile: $!";
$out->autoflush(1);
my @severity = qw(emerg alert crit err warning notice info debug);
$SIG{TERM} = sub { unlink $path; exit 0 };
open(my $p, '>', $pidfile) or die "$pidfile: $!";
print $p "$$\n";
close $p;
while (1) {
  my $buf;
  defined($s->recv($buf, 65536)) or next;
  $buf =~ s/\0+$//;
  $buf =~ s/\n+$//;
  my $level = ($buf =~ s/^<(\d+)>//) ? $severity[$1 & 7] : '?';
  print $out "$level: $buf\n";
}
