#!/usr/bin/perl
# smtp-sink.pl PORT DIR PIDFILE
# Loopback SMTP server that Cyrus relays EmailSubmission (and iMIP) mail to.
# Nothing is relayed: each message is stored as DIR/<n>.eml with its envelope
# in DIR/<n>.json, so tests can assert what was "sent". Perl with core modules
# only, because it must also run inside the minimal trixie chroot.
use strict;
use warnings;
use IO::Socket::INET;
use Fcntl qw(O_WRONLY O_CREAT O_EXCL);

my ($port, $dir, $pidfile) = @ARGV;
my $srv = IO::Socket::INET->new(
  LocalAddr => '127.0.0.1', LocalPort => $port, Proto => 'tcp', Listen => 16, ReuseAddr => 1,
) or die "listen 127.0.0.1:$port: $!";
$SIG{CHLD} = 'IGNORE';
$SIG{TERM} = sub { exit 0 };
# The pid file is written only once the port listens: the start script waits for it.
open(my $p, '>', $pidfile) or die "$pidfile: $!";
print $p "$$\n";
close $p;

sub json_string {
  my $v = shift;
  $v =~ s/(["\\])/\\$1/g;
  $v =~ s/([\x00-\x1f])/sprintf('\\u%04x', ord $1)/ge;
  return "\"$v\"";
}

# Numbers are taken with O_EXCL so concurrent connections never overwrite each other.
sub store {
  my ($data, $from, @rcpt) = @_;
  for (my $n = 1; $n < 1_000_000; $n++) {
    sysopen(my $fh, "$dir/$n.eml", O_WRONLY | O_CREAT | O_EXCL) or next;
    binmode $fh;
    print $fh $data;
    close $fh;
    my @t = gmtime;
    my $at = sprintf('%04d-%02d-%02dT%02d:%02d:%02dZ', $t[5] + 1900, $t[4] + 1, @t[3, 2, 1, 0]);
    open(my $j, '>', "$dir/$n.json.tmp") or die;
    print $j '{"mailFrom":', json_string($from // ''), ',"rcptTo":[',
      join(',', map { json_string($_) } @rcpt), '],"at":"', $at, "\"}\n";
    close $j;
    # the .json appears complete or not at all: readers poll for it
    rename("$dir/$n.json.tmp", "$dir/$n.json");
    return $n;
  }
}

while (1) {
  my $c = $srv->accept or next;
  my $pid = fork;
  if (!defined $pid || $pid) { close $c; next; }
  close $srv;
  binmode $c;
  $c->autoflush(1);
  $SIG{ALRM} = sub { exit 0 };
  alarm 60;
  my ($from, @rcpt, $indata, $data);
  my $say = sub { print $c "$_[0]\r\n" };
  $say->('220 localhost ESMTP typed-jmap-smtp-sink');
  while (defined(my $l = <$c>)) {
    $l =~ s/\r?\n$//;
    if ($indata) {
      if ($l eq '.') {
        $indata = 0;
        my $n = store($data, $from, @rcpt);
        $from = undef; @rcpt = (); $data = '';
        $say->("250 2.0.0 Ok: queued as $n");
      } else {
        $l =~ s/^\.\././;
        $data .= "$l\r\n";
      }
      next;
    }
    my $verb = uc substr($l, 0, 4);
    if    ($verb eq 'EHLO') { $say->('250-localhost'); $say->('250-8BITMIME'); $say->('250-SIZE 52428800'); $say->('250 DSN'); }
    elsif ($verb eq 'HELO') { $say->('250 localhost'); }
    elsif ($verb eq 'MAIL') { $from = substr($l, 10); @rcpt = (); $say->('250 2.1.0 Ok'); }
    elsif ($verb eq 'RCPT') { push @rcpt, substr($l, 8); $say->('250 2.1.5 Ok'); }
    elsif ($verb eq 'DATA') { $indata = 1; $data = ''; $say->('354 End data with <CR><LF>.<CR><LF>'); }
    elsif ($verb eq 'RSET') { $from = undef; @rcpt = (); $say->('250 2.0.0 Ok'); }
    elsif ($verb eq 'NOOP') { $say->('250 2.0.0 Ok'); }
    elsif ($verb eq 'QUIT') { $say->('221 2.0.0 Bye'); last; }
    else                    { $say->('502 5.5.2 Command not implemented'); }
  }
  exit 0;
}
