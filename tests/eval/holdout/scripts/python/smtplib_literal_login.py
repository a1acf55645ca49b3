import smtplib
from email.message import EmailMessage


def notify(count: int) -> None:
    msg = EmailMessage()
    msg["Subject"] = f"Migration finished: {count} patients"
    msg["From"] = "reports@lab.example"
    msg["To"] = "dpo@lab.example"
    msg.set_content("No personal data in this message.")
    with smtplib.SMTP("smtp.lab.example", 587) as smtp:
        smtp.starttls()
        smtp.login("reports@lab.example", "MailRep0rt!")
        smtp.send_message(msg)
