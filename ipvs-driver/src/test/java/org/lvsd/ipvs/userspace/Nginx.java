package org.lvsd.ipvs.userspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** nginx in a lab host, with its own config, pid and temp paths under a test directory. */
final class Nginx {
    private Nginx() {
    }

    /**
     * Serves {@code /} with "NAME REMOTE_ADDR\n" and {@code /big} as a file of {@code bigBytes}
     * on ADDRESS:80 (IPv4 or IPv6).
     */
    static void start(Lab lab, String host, String address, Path dir, int bigBytes) throws IOException,
            InterruptedException {
        Path d = Files.createDirectories(dir.resolve(host));
        Path www = Files.createDirectories(d.resolve("www"));
        Files.write(www.resolve("big"), new byte[bigBytes]);
        String conf = """
                user root root;
                worker_processes 1;
                worker_rlimit_nofile 8192;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen %2$s:80 reuseport;
                        root %1$s/www;
                        location = / { default_type text/plain; return 200 "%3$s $remote_addr\\n"; }
                    }
                }
                """.formatted(d, address.contains(":") ? "[" + address + "]" : address, host);
        Path file = d.resolve("nginx.conf");
        Files.writeString(file, conf);
        lab.spawn(host, d.resolve("stdout.log"), "nginx", "-c", file.toString(), "-p", d.toString());
        for (int i = 0; i < 100; i++) {
            if (lab.tryExec(host, 5, "bash", "-c", "exec 3<>/dev/tcp/" + address + "/80").exit() == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException("nginx did not start in " + host + ": " + Files.readString(d.resolve("error.log")));
    }
}
