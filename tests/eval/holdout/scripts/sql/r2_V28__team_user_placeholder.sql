CREATE USER 'team_bi'@'%' IDENTIFIED BY '${team_bi_password}';
