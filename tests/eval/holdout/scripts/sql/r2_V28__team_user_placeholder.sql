-- expect: GG-CRED-110 2
CREATE USER 'team_bi'@'%' IDENTIFIED BY '${team_bi_password}';
